// Runs a behavioural spec against the learner's program: each scenario against a fresh start, each
// step one HTTP request (WebSocket frames and raw TCP bytes: ws.ts and tcp.ts). A failing step says
// what was sent (as a curl command), what was expected and what came back, so a learner can
// reproduce it in a terminal. A program that runs to completion (a migration tool) is run by `run`
// steps instead, and specs with a database give each scenario a fresh PostgreSQL database that `sql`
// steps query (see command.ts and sql.ts).
import type { Hint, TestResult } from '../runner';
import { CheckError } from '../runCommand';
import { runRunStep } from './command';
import type { RunProgram } from './command';
import { curlCommand } from './curl';
import type { SentRequest } from './curl';
import { resolve, show } from './match';
import type { Mismatch, Saved } from './match';
import type { RunningProgram } from './program';
import { runParallelStep } from './parallel';
import { checkResponse, parseJsonBody } from './response';
import type { HttpResponse } from './response';
import { defaultRedisUrl, keyPrefixEnv, newKeyPrefix, redisSession, specUsesRedis } from './redis';
import type { RedisSession } from './redis';
import type { HttpStep, Spec, SpecScenario, SpecStep } from './schema';
import { createScratchDatabase, defaultDatabaseUrl, runSqlStep } from './sql';
import { runStdoutStep } from './stdout';
import type { ScratchDatabase } from './sql';
import { mintTokens } from './tokens';
import { TcpSession } from './tcp';
import { WsSession } from './ws';

export interface SpecRunOptions {
  /** Starts the program for one scenario, with the spec's environment (specs whose program is a server). */
  start?(env: Record<string, string>): Promise<RunningProgram>;
  /** Runs the program to completion, for `run` steps (specs whose program is a command). */
  run?: RunProgram;
  /** The server on which specs with `database` get a fresh database per scenario; DATABASE_URL by default. */
  databaseUrl?: string;
  signal?: AbortSignal;
  /** Per request. */
  requestTimeoutMs?: number;
  /** For Redis steps; REDIS_URL from the environment by default. */
  redisUrl?: string;
  onScenario?(result: TestResult): void;
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
  const done = (status: TestResult['status'], error?: string, hints: Hint[] = []): TestResult => ({
    name: scenario.name,
    suite: [],
    status,
    durationMs: Math.round(performance.now() - started),
    ...(error === undefined ? {} : { error }),
    ...(hints.length > 0 ? { hints } : {}),
  });
  const scenarioHints: Hint[] = (scenario.hints ?? []).map((text, i) => ({ id: String(i), text }));
  // A spec with Redis steps gives each scenario its own key prefix, and deletes those keys afterwards.
  const redis = specUsesRedis(spec)
    ? redisSession(options.redisUrl ?? process.env.REDIS_URL ?? defaultRedisUrl, newKeyPrefix())
    : undefined;
  // A fresh database first, so the program starts against it (DATABASE_URL) and never sees another scenario's.
  let database: ScratchDatabase | undefined;
  if (spec.database === 'postgres') {
    try {
      database = await createScratchDatabase(options.databaseUrl ?? process.env.DATABASE_URL ?? defaultDatabaseUrl, options.signal);
    } catch (e) {
      await redis?.close();
      // No psql, no server, no right to create databases: the machine's setup, not the learner's code.
      throw new CheckError(e instanceof Error ? e.message : String(e));
    }
  }
  const env: Record<string, string> = {
    ...spec.env,
    ...(redis ? { [keyPrefixEnv]: redis.prefix } : {}),
    ...(database ? { DATABASE_URL: database.url } : {}),
  };
  let program: RunningProgram | undefined;
  try {
    if (spec.program !== 'command') {
      if (!options.start) throw new Error('The spec starts the program as a server, and this check has no way to start it.');
      program = await options.start(env);
    }
  } catch (e) {
    await redis?.close();
    await database?.drop();
    return done('failed', e instanceof Error ? e.message : String(e), scenarioHints);
  }
  // WebSocket connections live for one scenario and close before the program stops.
  const ws = program ? new WsSession(program.port, options.signal) : undefined;
  const tcp = program ? new TcpSession(program.port, options.signal) : undefined;
  try {
    let saved: Saved;
    try {
      saved = { tokens: mintTokens(spec.tokens), ...(redis ? { redisKeyPrefix: redis.prefix } : {}) };
    } catch (e) {
      return done('failed', `The spec is broken: ${e instanceof Error ? e.message : String(e)}`);
    }
    const context: StepContext = { port: program?.port, program, saved, options, env, redis, ws, tcp, database };
    for (const [index, step] of scenario.steps.entries()) {
      // Cancelled or out of time: stop here, without calling the scenario failed.
      if (options.signal?.aborted) return done('skipped', 'The check was stopped before this scenario finished.');
      const failure = await runStep(step, context);
      if (options.signal?.aborted) return done('skipped', 'The check was stopped before this scenario finished.');
      if (failure) {
        const where = scenario.steps.length > 1 ? `Step ${index + 1} of ${scenario.steps.length}:\n` : '';
        const log = program?.output().trim() ?? '';
        // Hints are not in the text: the topic page offers them one at a time, the CLI prints the first.
        // Ids stay the same whichever step fails, so a hint revealed once stays revealed.
        const hints = [...('hint' in step && step.hint ? [{ id: `step${index + 1}`, text: step.hint }] : []), ...scenarioHints];
        const replay = database
          ? `\n\nThe check ran this scenario in a fresh database (${database.name}) on the server of DATABASE_URL and dropped it afterwards. To replay it, point DATABASE_URL at an empty database and run the scenario's steps in order.`
          : '';
        return done('failed', `${where}${failure}${log ? `\n\nThe program printed:\n${log.slice(-1500)}` : ''}${replay}`, hints);
      }
    }
    return done('passed');
  } finally {
    // Each clean-up runs even if another fails, and none replaces the scenario's result.
    for (const cleanUp of [
      () => ws?.closeAll(),
      () => tcp?.closeAll(),
      () => program?.stop(),
      () => redis?.close(),
      () => database?.drop(),
    ])
      await Promise.resolve()
        .then(cleanUp)
        .catch(() => undefined);
  }
}

interface StepContext {
  /** Where the program listens; undefined when it is run as a command. */
  port: number | undefined;
  program: RunningProgram | undefined;
  saved: Saved;
  options: SpecRunOptions;
  /** The program's environment: the spec's, a Redis key prefix, DATABASE_URL for specs with a database. */
  env: Record<string, string>;
  redis: RedisSession | undefined;
  ws: WsSession | undefined;
  tcp: TcpSession | undefined;
  database: ScratchDatabase | undefined;
}

/** Undefined when the step passes; otherwise the failure as the learner sees it. */
async function runStep(step: SpecStep, context: StepContext): Promise<string | undefined> {
  const { port, saved, options, redis, ws, tcp, database } = context;
  if ('ws' in step) return ws ? ws.run(step, saved) : 'The spec is broken: a WebSocket step needs a program that serves.';
  if ('tcp' in step) return tcp ? tcp.run(step, saved) : 'The spec is broken: a TCP step needs a program that serves.';
  if ('wait' in step) {
    await pause(step.wait.ms, options.signal);
    return undefined;
  }
  if ('redis' in step) return redis ? redis.run(step, saved) : 'The spec is broken: a Redis step without a Redis session';
  if ('run' in step) return runRunStep(step, options.run, context.env, saved, options.signal);
  if ('stdout' in step) {
    const { program } = context;
    return program
      ? runStdoutStep(step, () => program.stdout(), saved, options.signal)
      : 'The spec is broken: a stdout step needs a program that serves.';
  }
  if ('sql' in step) {
    if (!database) return 'The spec is broken: a sql step needs `"database": "postgres"`.';
    try {
      return await runSqlStep(step, database.url, saved, options.signal);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }
  if (port === undefined) return 'The spec is broken: an HTTP step needs a program that serves (`"program": "server"`).';
  if ('parallel' in step) return runParallelStep(step, (request) => runHttpStep(request, port, saved, options));
  return runHttpStep(step, port, saved, options);
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
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
  let response: HttpResponse;
  try {
    response = await send(sent, options);
  } catch (e) {
    return `${curl}\n  The request failed: ${e instanceof Error ? e.message : String(e)}`;
  }
  // A step may refer to its own response by its save name (a Location built from the new id).
  const scope: Saved = step.save ? { ...saved, [step.save]: response } : saved;
  let mismatches: Mismatch[];
  try {
    mismatches = checkResponse(step.expect, response, scope);
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

async function send(request: SentRequest, options: SpecRunOptions): Promise<HttpResponse> {
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
  const json = parseJsonBody(text);
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
  return { status: res.status, headers, text, ...(json === undefined ? {} : { json }) };
}
