import { test } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { createApp } from '../src/app';
import { can, permissionsFor } from '../src/roles';
import { requirePermission } from '../src/requirePermission';

const got = (res: request.Response) => `got ${res.status} ${res.text}`;
// The fake auth in src/app.js reads these two headers into req.user = { name, role }.
const as = (req: request.Test, role: string) => req.set('X-User', 'ada').set('X-Role', role);

// Expected answers of can(role, permission): inheritance is admin -> editor -> viewer.
const table: Record<string, Record<string, boolean>> = {
  viewer: { 'articles:read': true, 'articles:write': false, 'articles:delete': false, 'users:manage': false },
  editor: { 'articles:read': true, 'articles:write': true, 'articles:delete': false, 'users:manage': false },
  admin: { 'articles:read': true, 'articles:write': true, 'articles:delete': true, 'users:manage': true },
  guest: { 'articles:read': false },
};
for (const [role, expected] of Object.entries(table)) {
  test(`can("${role}", ...) follows the role map and its inheritance`, () => {
    for (const [permission, allowed] of Object.entries(expected)) {
      assert.equal(can(role, permission), allowed, `can("${role}", "${permission}") should be ${allowed}`);
    }
  });
}

test('permissionsFor("admin") has its own and every inherited permission', () => {
  assert.deepEqual(
    [...permissionsFor('admin')].sort(),
    ['articles:delete', 'articles:read', 'articles:write', 'users:manage'],
  );
});

test('role names that exist on every JS object ("constructor", "__proto__", "toString") have no permissions', () => {
  for (const role of ['constructor', '__proto__', 'toString']) {
    let result: boolean | undefined;
    assert.doesNotThrow(() => {
      result = can(role, 'articles:read');
    }, `can("${role}", ...) should not throw`);
    assert.equal(result, false, `"${role}" is not a role in the map, so it may do nothing`);
  }
});

test('requirePermission() throws at setup for a permission no role has (a typo)', () => {
  assert.throws(() => requirePermission('articles:raed'), /articles:raed/, 'the error should name the unknown permission');
});

test('GET /health stays public (already works)', async () => {
  const res = await request(createApp()).get('/health');
  assert.equal(res.status, 200);
});

test('no user: 401 with a JSON error', async () => {
  const res = await request(createApp()).get('/articles');
  assert.equal(res.status, 401, `a request with no user (no X-User header) should get 401; ${got(res)}`);
  assert.equal(typeof res.body.error, 'string', 'the 401 should have a JSON body { error: "..." }');
});

test('viewer: can read articles (200) but not write them (403)', async () => {
  const app = createApp();
  const read = await as(request(app).get('/articles'), 'viewer');
  assert.equal(read.status, 200, got(read));
  const write = await as(request(app).post('/articles').send({ title: 'Nope' }), 'viewer');
  assert.equal(write.status, 403, `a viewer lacks "articles:write" and should get 403 Forbidden; ${got(write)}`);
  assert.match(String(write.body.error), /articles:write/, 'the 403 error should name the missing permission');
  const after = await as(request(app).get('/articles'), 'admin');
  assert.equal(after.body.length, 1, 'a denied request must not reach the route handler (no article may be added)');
});

test('editor: inherits read from viewer and can write (201), but cannot delete (403)', async () => {
  const app = createApp();
  assert.equal((await as(request(app).get('/articles'), 'editor')).status, 200, 'editor inherits "articles:read"');
  const write = await as(request(app).post('/articles').send({ title: 'Draft' }), 'editor');
  assert.equal(write.status, 201, got(write));
  const del = await as(request(app).delete('/articles/1'), 'editor');
  assert.equal(del.status, 403, `an editor lacks "articles:delete"; ${got(del)}`);
  const admin = await as(request(app).get('/admin/users'), 'editor');
  assert.equal(admin.status, 403, `an editor lacks "users:manage"; ${got(admin)}`);
});

test('admin: inherits everything and can delete (204) and manage users (200)', async () => {
  const app = createApp();
  assert.equal((await as(request(app).post('/articles').send({ title: 'x' }), 'admin')).status, 201, 'admin inherits "articles:write"');
  const del = await as(request(app).delete('/articles/1'), 'admin');
  assert.equal(del.status, 204, got(del));
  const users = await as(request(app).get('/admin/users'), 'admin');
  assert.equal(users.status, 200, got(users));
});

for (const role of ['superuser', '', 'constructor', '__proto__']) {
  test(`a user with the unknown role "${role}": 403, not 500`, async () => {
    const res = await as(request(createApp()).get('/articles'), role);
    assert.equal(res.status, 403, `a user whose role is not in the map is known but may do nothing; ${got(res)}`);
  });
}

test('a user with no role at all: 403', async () => {
  const res = await request(createApp()).get('/articles').set('X-User', 'ada');
  assert.equal(res.status, 403, got(res));
});
