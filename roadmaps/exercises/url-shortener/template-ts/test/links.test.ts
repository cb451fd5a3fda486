import { test } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import type { Express } from 'express';
import { createApp } from '../src/app';
import { createMemoryRepository, type Link, type LinkRepository } from '../src/repository';

// Each request gives up after 2 s, so a handler that never answers fails its test instead of hanging the run.
const request = (app: Express) => ({
  get: (path: string) => supertest(app).get(path).timeout(2000),
  post: (path: string) => supertest(app).post(path).timeout(2000),
});

const said = (res: supertest.Response) => `got ${res.status} ${JSON.stringify(res.body)}`;

// A predictable code generator: hands out the given codes in order, then fails loudly.
function codes(...list: string[]): (() => string) & { calls: number } {
  const gen = (): string => {
    gen.calls += 1;
    if (list.length === 0) throw new Error('the test generator ran out of codes');
    return list.shift()!;
  };
  gen.calls = 0;
  return gen;
}

async function shorten(app: Express, body: object): Promise<supertest.Response> {
  const res = await request(app).post('/api/links').send(body);
  assert.equal(res.status, 201, `POST /api/links ${JSON.stringify(body)} should answer 201; ${said(res)}`);
  return res;
}

test('POST /api/links answers 201 with a 7-character base62 code and a short URL', async () => {
  const res = await shorten(createApp(), { url: 'https://example.com/some/long/page?x=1' });
  assert.match(res.body.code, /^[0-9A-Za-z]{7}$/);
  assert.equal(res.body.url, 'https://example.com/some/long/page?x=1');
  assert.equal(res.body.clicks, 0);
  assert.match(res.body.shortUrl, new RegExp(`^http://127\\.0\\.0\\.1:\\d+/${res.body.code}$`), said(res));
  assert.equal(res.headers.location, `/api/links/${res.body.code}/stats`, 'the Location header should point at the stats');
});

test('POST /api/links refuses a missing or non-http(s) URL with 400', async () => {
  const app = createApp();
  for (const body of [{}, { url: 'not a url' }, { url: 'javascript:alert(1)' }, { url: 'ftp://example.com' }, { url: 42 }]) {
    const res = await request(app).post('/api/links').send(body);
    assert.equal(res.status, 400, `${JSON.stringify(body)} should get 400; ${said(res)}`);
    assert.equal(typeof res.body.error, 'string', `answer 400 with { error }; ${said(res)}`);
  }
});

test('malformed JSON gets 400', async () => {
  const res = await request(createApp()).post('/api/links').set('content-type', 'application/json').send('{"url":');
  assert.equal(res.status, 400, said(res));
});

test('the code comes from the injected generator', async () => {
  const res = await shorten(createApp({ generateCode: codes('abc1234') }), { url: 'https://example.com/' });
  assert.equal(res.body.code, 'abc1234', 'use the generateCode option, not randomCode directly');
});

test('a code that is already taken is never handed out twice: a new one is drawn', async () => {
  const generateCode = codes('aaaaaaa', 'aaaaaaa', 'bbbbbbb');
  const app = createApp({ generateCode });
  assert.equal((await shorten(app, { url: 'https://example.com/1' })).body.code, 'aaaaaaa');
  const second = await shorten(app, { url: 'https://example.com/2' });
  assert.equal(second.body.code, 'bbbbbbb', 'the second link collided with "aaaaaaa" and should have got the next code');
  const first = await request(app).get('/api/links/aaaaaaa/stats');
  assert.equal(first.body.url, 'https://example.com/1', 'the first link must not be overwritten');
});

test('when codes keep colliding, the API gives up with 503 instead of looping forever', async () => {
  const stuck = (): string => {
    stuck.calls += 1;
    // A loop without an upper bound would spin forever here; fail it instead.
    if (stuck.calls > 50) throw new Error('generateCode was called over 50 times for one link: stop after a few attempts');
    return 'sameOne';
  };
  stuck.calls = 0;
  const app = createApp({ generateCode: stuck });
  await shorten(app, { url: 'https://example.com/1' });
  const res = await request(app).post('/api/links').send({ url: 'https://example.com/2' });
  assert.equal(res.status, 503, said(res));
  assert.ok(stuck.calls <= 11, `the generator was called ${stuck.calls} times; stop after a few attempts`);
});

test('a custom alias becomes the code; a taken alias gets 409', async () => {
  const app = createApp({ generateCode: codes('xyz7890') });
  const res = await shorten(app, { url: 'https://example.com/launch', alias: 'launch-2025' });
  assert.equal(res.body.code, 'launch-2025');
  const again = await request(app).post('/api/links').send({ url: 'https://example.com/other', alias: 'launch-2025' });
  assert.equal(again.status, 409, `a taken alias should get 409 Conflict; ${said(again)}`);

  await shorten(app, { url: 'https://example.com/random' }); // gets code xyz7890
  const clash = await request(app).post('/api/links').send({ url: 'https://example.com/x', alias: 'xyz7890' });
  assert.equal(clash.status, 409, `an alias equal to an existing random code is taken too; ${said(clash)}`);
});

test('a bad alias gets 400', async () => {
  const app = createApp();
  for (const alias of ['ab', 'has space', 'slash/y', 'api', 'x'.repeat(33), 123]) {
    const res = await request(app).post('/api/links').send({ url: 'https://example.com/', alias });
    assert.equal(res.status, 400, `alias ${JSON.stringify(alias)} should get 400; ${said(res)}`);
  }
});

test('GET /:code redirects with 302 to the long URL', async () => {
  const app = createApp({ generateCode: codes('go12345') });
  await shorten(app, { url: 'https://example.com/docs?page=2' });
  const res = await request(app).get('/go12345').redirects(0);
  assert.equal(res.status, 302, `GET /go12345 should redirect with 302; ${said(res)}`);
  assert.equal(res.headers.location, 'https://example.com/docs?page=2');
});

test('GET /:code answers 404 for an unknown code, and codes are case-sensitive', async () => {
  const app = createApp({ generateCode: codes('CaseAbc') });
  await shorten(app, { url: 'https://example.com/' });
  for (const path of ['/nope123', '/caseabc']) {
    const res = await request(app).get(path).redirects(0);
    assert.equal(res.status, 404, `GET ${path} should answer 404; ${said(res)}`);
  }
});

test('stats count the redirects', async () => {
  const app = createApp({ generateCode: codes('count01') });
  await shorten(app, { url: 'https://example.com/' });
  for (let i = 0; i < 3; i += 1) {
    const res = await request(app).get('/count01').redirects(0);
    assert.equal(res.status, 302, said(res));
  }
  const stats = await request(app).get('/api/links/count01/stats');
  assert.equal(stats.status, 200, said(stats));
  assert.equal(stats.body.code, 'count01');
  assert.equal(stats.body.url, 'https://example.com/');
  assert.equal(stats.body.clicks, 3, 'three redirects should give three clicks');
  assert.ok(!Number.isNaN(Date.parse(stats.body.createdAt)), 'createdAt should be a date string');
});

test('stats for an unknown code answer 404', async () => {
  const res = await request(createApp()).get('/api/links/missing/stats');
  assert.equal(res.status, 404, said(res));
});

test('the app talks to the store only through the repository interface', async () => {
  // A repository that logs each call: proof a database-backed one could take its place.
  const inner = createMemoryRepository();
  const log: string[] = [];
  const repo: LinkRepository = {
    insert: (link: Link) => { log.push('insert'); return inner.insert(link); },
    findByCode: (code: string) => { log.push('findByCode'); return inner.findByCode(code); },
    recordClick: (code: string) => { log.push('recordClick'); return inner.recordClick(code); },
  };
  const app = createApp({ repo, generateCode: codes('repo123') });
  await shorten(app, { url: 'https://example.com/' });
  assert.equal((await request(app).get('/repo123').redirects(0)).status, 302);
  assert.equal((await request(app).get('/api/links/repo123/stats')).body.clicks, 1);
  assert.ok(log.includes('insert'), 'create links with repo.insert');
  assert.ok(log.includes('recordClick'), 'count clicks with repo.recordClick');
});
