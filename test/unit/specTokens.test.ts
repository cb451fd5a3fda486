import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startProgram } from '../../src/domain/exercises/spec/program';
import { runSpec } from '../../src/domain/exercises/spec/run';
import { specSchema } from '../../src/domain/exercises/spec/schema';
import type { Spec } from '../../src/domain/exercises/spec/schema';
import { mintToken } from '../../src/domain/exercises/spec/tokens';
import { parseSpec } from '../../src/domain/exercises/spec/load';

const parts = (token: string) =>
  token.split('.').map((p, i) => (i < 2 ? (JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>) : p));

describe('spec tokens, environment and waits', () => {
  it('mints HS256 tokens a verifier accepts, with times relative to now', () => {
    const token = mintToken({ alg: 'HS256', secret: 's3cret', payload: { sub: 'ada' }, expiresIn: 60, notBefore: -5 }, 1_000_000_000);
    const [header, payload, signature] = parts(token);
    assert.deepEqual(header, { alg: 'HS256', typ: 'JWT' });
    assert.deepEqual(payload, { sub: 'ada', iat: 1_000_000, exp: 1_000_060, nbf: 999_995 });
    const input = token.split('.').slice(0, 2).join('.');
    assert.equal(signature, createHmac('sha256', 's3cret').update(input).digest('base64url'));
  });

  it('mints an unsigned alg:none token and an already expired one', () => {
    assert.match(mintToken({ alg: 'none', payload: { sub: 'mallory' } }), /^[\w-]+\.[\w-]+\.$/);
    const [, payload] = parts(mintToken({ alg: 'HS512', secret: 'x', payload: {}, expiresIn: -30 }, 2_000_000));
    assert.deepEqual(payload, { iat: 2000, exp: 1970 });
  });

  it('refuses a signed token without a secret, and a step saved as "tokens"', () => {
    assert.throws(() => mintToken({ alg: 'HS256', payload: {} }), /needs a secret/);
    const parsed = specSchema.safeParse({
      version: 1,
      exercise: 'x',
      scenarios: [{ name: 'n', steps: [{ request: { method: 'GET', path: '/' }, expect: {}, save: 'tokens' }] }],
    });
    assert.equal(parsed.success, false);
  });

  it('gives the program the spec environment, sends tokens, and waits between steps', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'spec-tokens-'));
    // Echoes the bearer token's payload if signed with SECRET, and whether 300 ms passed since the last request.
    await fs.writeFile(
      path.join(dir, 'server.js'),
      `const http = require('node:http'); const { createHmac } = require('node:crypto'); let last = 0;
http.createServer((req, res) => {
  const [h, p, s] = (req.headers.authorization ?? '').replace(/^Bearer /, '').split('.');
  const ok = s === createHmac('sha256', process.env.SECRET).update(h + '.' + p).digest('base64url');
  const gap = last ? Date.now() - last : 0; last = Date.now();
  res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
  res.end(JSON.stringify(ok ? { ...JSON.parse(Buffer.from(p, 'base64url')), waited: gap >= 300 } : { error: 'bad token' }));
}).listen(Number(process.env.PORT), '127.0.0.1');`,
    );
    const spec: Spec = {
      version: 1,
      exercise: 'tokens',
      env: { SECRET: 'from-the-spec' },
      tokens: {
        good: { alg: 'HS256', secret: 'from-the-spec', payload: { sub: 'ada' } },
        forged: { alg: 'HS256', secret: 'guessed', payload: { sub: 'ada' } },
      },
      scenarios: [
        {
          name: 'a good token passes after a pause; a forged one does not',
          steps: [
            { request: { method: 'GET', path: '/', headers: { authorization: 'Bearer {{tokens.good}}' } }, expect: { status: 200 } },
            { wait: { ms: 300 } },
            {
              request: { method: 'GET', path: '/', headers: { authorization: 'Bearer {{tokens.good}}' } },
              expect: { status: 200, json: { sub: 'ada', waited: true } },
            },
            { request: { method: 'GET', path: '/', headers: { authorization: 'Bearer {{tokens.forged}}' } }, expect: { status: 200 } },
          ],
        },
      ],
    };
    try {
      const [result] = await runSpec(specSchema.parse(spec), {
        start: (env) => startProgram({ command: process.execPath, args: ['server.js'] }, dir, { env }),
      });
      // The forged token is refused (401), so only the last step fails.
      assert.match(result?.error ?? '', /^Step 4 of 4:/);
      assert.match(result?.error ?? '', /status\n {4}- expected: 200\n {4}\+ actual: {3}401/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('reading a spec', () => {
  it('names file:line:col for a JSON syntax error and for each schema problem', () => {
    assert.throws(() => parseSpec('{\n  "version": 1,\n  "exercise": "x",,\n}', 'spec.json'), /^Error: spec\.json:3:19: not valid JSON/);
    const bad = '{\n  "version": 1,\n  "exercise": "x",\n  "scenarios": [\n    { "name": "", "steps": [] }\n  ]\n}';
    assert.throws(
      () => parseSpec(bad, 'spec.json'),
      (e: Error) =>
        /^spec\.json:5:15: scenarios\.0\.name: /m.test(e.message) && /^spec\.json:5:\d+: scenarios\.0\.steps: /m.test(e.message),
    );
  });
});
