// Runs a behavioural spec against the learner's program: each scenario against a fresh start, each
// step one HTTP request. A failing step says what was sent (as a curl command), what was expected and
// what came back, so a learner can reproduce it in a terminal.
import type { TestResult } from '../runner';
import { curlCommand } from './curl';
import type { SentRequest } from './curl';
import { match, resolve, show } from './match';
import type { Mismatch, Saved } from './match';
import type { RunningProgram } from './program';
import { defaultRedisUrl, keyPrefixEnv, newKeyPrefix, redisSession, specUsesRedis } from './redis';
import type { RedisSession } from './redis';
import type { HttpStep, Spec, SpecScenario, SpecStep } from './schema';
import { mintTokens } from './tokens';
import { WsSession } from './ws';

export interface SpecRunOptions {
  /** Starts the program for one scenario, with the spec's environment. */
  start(env: Record<string, string>): Promise<RunningProgram>;
  signal?: AbortSignal;
  /** Per request. */
  requestTimeoutMs?: number;
  /** For Redis steps; REDIS_URL from the environment by default. */
  redisUrl?: string;
  onScenario?(result: TestResult): void;
}

interface Response {
  status: number;
  headers: Record<string, string>;
  text: string;
  json?: unknown;
}

const maxBody = 1024 * 1024;

export async function runSpec(spec: Spec, options: SpecRunOptions): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const scenario of spec.scenarios) {
    if (options.signal?.aborted) break;
    const result = await runScenario(spec, scenario, options);
    results.push(result);
    options.onScenario?.(result);
  }
  return results;
}

async function runScenario(spec: Spec, scenario: SpecScenario, options: SpecRunOptions): Promise<TestResult> {
  const started = performance.now();
  const done = (status: TestResult['status'], error?: string, hints: string[] = []): TestResult => ({
    name: scenario.name,
    suite: [],
    status,
    durationMs: Math.round(performance.now() - started),
    ...(error === undefined ? {} : { error }),
    ...(hints.length > 0 ? { hints } : {}),
  });
  // A spec with Redis steps gives each scenario its own key prefix, and deletes those keys afterwards.
  const redis = specUsesRedis(spec)
    ? redisSession(options.redisUrl ?? process.env.REDIS_URL ?? defaultRedisUrl, newKeyPrefix())
    : undefined;
  const env = redis ? { ...spec.env, [keyPrefixEnv]: redis.prefix } : (spec.env ?? {});
  let program: RunningProgram;
  try {
    program = await options.start(env);
  } catch (e) {
    await redis?.close();
    return done('failed', e instanceof Error ? e.message : String(e), scenario.hints);
  }
  // WebSocket connections live for one scenario and close before the program stops.
  const ws = new WsSession(program.port, options.signal);
  try {
    let saved: Saved;
    try {
      saved = { tokens: mintTokens(spec.tokens), ...(redis ? { redisKeyPrefix: redis.prefix } : {}) };
    } catch (e) {
      return done('failed', `The spec is broken: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (const [index, step] of scenario.steps.entries()) {
      const failure = await runStep(step, program.port, saved, options, redis, ws);
      if (failure) {
        const where = scenario.steps.length > 1 ? `Step ${index + 1} of ${scenario.steps.length}:\n` : '';
        const log = program.output().trim();
        // Hints are not in the text: the topic page offers them one at a time, the CLI prints the first.
        const hints = [...('hint' in step && step.hint ? [step.hint] : []), ...(scenario.hints ?? [])];
        return done('failed', `${where}${failure}${log ? `\n\nThe program printed:\n${log.slice(-1500)}` : ''}`, hints);
      }
    }
    return done('passed');
  } finally {
    await ws.closeAll();
    await program.stop();
    await redis?.close();
  }
}

/** Undefined when the step passes; otherwise the failure as the learner sees it. */
async function runStep(
  step: SpecStep,
  port: number,
  saved: Saved,
  options: SpecRunOptions,
  redis: RedisSession | undefined,
  ws: WsSession,
): Promise<string | undefined> {
  if ('ws' in step) return ws.run(step, saved);
  if ('wait' in step) {
    await pause(step.wait.ms, options.signal);
    return undefined;
  }
  if ('redis' in step) return redis ? redis.run(step, saved) : 'The spec is broken: a Redis step without a Redis session';
  return runHttpStep(step, port, saved, options);
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

async function runHttpStep(step: HttpStep, port: number, saved: Saved, options: SpecRunOptions): Promise<string | undefined> {
  let sent: SentRequest;
  try {
    sent = buildRequest(step, port, saved);
  } catch (e) {
    return `The spec is broken: ${e instanceof Error ? e.message : String(e)}`;
  }
  const curl = `  $ ${curlCommand(sent)}`;
  let response: Response;
  try {
    response = await send(sent, options);
  } catch (e) {
    return `${curl}\n  The request failed: ${e instanceof Error ? e.message : String(e)}`;
  }
  // A step may refer to its own response by its save name (a Location built from the new id).
  const scope: Saved = step.save ? { ...saved, [step.save]: response } : saved;
  let mismatches: Mismatch[];
  try {
    mismatches = check(step, response, scope);
  } catch (e) {
    return `${curl}\n  The spec is broken: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (mismatches.length === 0) {
    if (step.save) saved[step.save] = response;
    return undefined;
  }
  const lines = mismatches.map((m) => `  ${m.path}\n    - expected: ${m.expected}\n    + actual:   ${m.actual}`);
  const body = response.text ? show(response.json ?? response.text) : '(empty)';
  return [curl, ...(step.why ? [`  ${step.why}`] : []), ...lines, `  (answered ${response.status} with ${body})`].join('\n');
}

function buildRequest(step: HttpStep, port: number, saved: Saved): SentRequest {
  const { request } = step;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name] = String(resolve(value, saved));
  let body: string | undefined;
  if (request.json !== undefined) {
    body = JSON.stringify(resolve(request.json, saved));
    headers['content-type'] ??= 'application/json';
  } else if (request.body !== undefined) {
    body = request.body;
  }
  return {
    method: request.method,
    url: `http://127.0.0.1:${port}${String(resolve(request.path, saved))}`,
    headers,
    ...(body === undefined ? {} : { body }),
  };
}

async function send(request: SentRequest, options: SpecRunOptions): Promise<Response> {
  const timeout = AbortSignal.timeout(options.requestTimeoutMs ?? 10_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const res = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    redirect: 'manual',
    signal,
  });
  const text = (await res.text()).slice(0, maxBody);
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = undefined;
  }
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
  return { status: res.status, headers, text, ...(json === undefined ? {} : { json }) };
}

function check(step: HttpStep, response: Response, saved: Saved): Mismatch[] {
  const { expect } = step;
  const out: Mismatch[] = [];
  if (expect.status !== undefined && response.status !== expect.status) {
    // The wrong status says it all; field by field differences of an error body would only bury it.
    return [{ path: 'status', expected: String(expect.status), actual: String(response.status) }];
  }
  for (const [name, want] of Object.entries(expect.headers ?? {})) {
    const key = name.toLowerCase();
    out.push(...match(want, Object.hasOwn(response.headers, key) ? response.headers[key] : undefined, saved, `headers.${key}`));
  }
  if (expect.json !== undefined) {
    if (response.json === undefined)
      out.push({ path: 'json', expected: 'a JSON body', actual: response.text ? show(response.text) : '(empty body)' });
    else out.push(...match(expect.json, response.json, saved, 'json'));
  }
  if (expect.text !== undefined) out.push(...match(expect.text, response.text, saved, 'text'));
  return out;
}
