// Static checks: openapi.yaml against the routes the app registers, and against OpenAPI's rules.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { createApp } = require('../src/app');
const { loadSpec, getPointer, deref, operations, appRoutes, createValidator } = require('./spec');

const key = (r) => `${r.method} ${r.path}`;

// What the app answers for each operation (see the comment at the top of src/app.js).
const STATUS_CODES = {
  'GET /health': ['200'],
  'GET /todos': ['200', '400'],
  'POST /todos': ['201', '400'],
  'GET /todos/{id}': ['200', '404'],
  'PUT /todos/{id}': ['200', '400', '404'],
  'DELETE /todos/{id}': ['204', '404'],
};

test('openapi.yaml is OpenAPI 3.1 with an info title and version', () => {
  const spec = loadSpec();
  assert.match(String(spec.openapi ?? ''), /^3\.1\.\d+$/, 'the first line should be `openapi: 3.1.0`');
  assert.ok(typeof spec.info?.title === 'string' && spec.info.title.trim(), 'info.title is required');
  assert.ok(typeof spec.info?.version === 'string' && spec.info.version.trim(), 'info.version is required: a string, so quote numbers ("1.0")');
});

test('every route the app registers is documented with the same method and path', () => {
  const spec = loadSpec();
  const documented = new Set(operations(spec).map(key));
  const missing = appRoutes(createApp()).filter((r) => !documented.has(key(r)));
  assert.deepEqual(
    missing.map((r) => `${key(r)} (Express: ${r.express})`),
    [],
    'the app serves these but openapi.yaml has no operation for them (write :id as {id}, and methods in lower case: get, post, ...)',
  );
});

test('every documented operation exists in the app', () => {
  const spec = loadSpec();
  const served = new Set(appRoutes(createApp()).map(key));
  const extra = operations(spec).filter((o) => !served.has(key(o)));
  assert.deepEqual(extra.map(key), [], 'openapi.yaml documents these, but the app does not serve them');
});

test('every operation has an operationId, and no two share one', () => {
  const spec = loadSpec();
  const ops = operations(spec);
  const without = ops.filter((o) => typeof o.op.operationId !== 'string' || o.op.operationId.trim() === '');
  assert.deepEqual(without.map(key), [], 'these operations have no operationId (code generators use it as the function name)');
  const seen = new Map();
  for (const o of ops) {
    assert.ok(!seen.has(o.op.operationId), `operationId "${o.op.operationId}" is used by both ${seen.get(o.op.operationId)} and ${key(o)}`);
    seen.set(o.op.operationId, key(o));
  }
});

test('every {param} in a path is declared as a required path parameter with a schema', () => {
  const spec = loadSpec();
  for (const o of operations(spec)) {
    for (const [, name] of o.path.matchAll(/\{([^}]+)\}/g)) {
      const param = o.parameters.find((p) => p.in === 'path' && p.name === name);
      assert.ok(param, `${key(o)}: declare "${name}" under parameters with in: path (on the path or on the operation)`);
      assert.equal(param.required, true, `${key(o)}: path parameter "${name}" needs required: true`);
      assert.ok(param.schema, `${key(o)}: path parameter "${name}" needs a schema (the app's ids are integers)`);
    }
    for (const p of o.parameters.filter((p) => p.in === 'path')) {
      assert.ok(o.path.includes(`{${p.name}}`), `${key(o)}: path parameter "${p.name}" is not in the path`);
    }
  }
});

test('GET /todos documents its ?done query parameter', () => {
  const spec = loadSpec();
  const list = operations(spec).find((o) => key(o) === 'GET /todos');
  assert.ok(list, 'GET /todos is not documented');
  const done = list.parameters.find((p) => p.in === 'query' && p.name === 'done');
  assert.ok(done, 'GET /todos accepts ?done=true|false: add a parameter with name: done, in: query');
  assert.ok(done.schema, 'the done query parameter needs a schema (type: boolean)');
  assert.notEqual(done.required, true, 'done is optional');
});

test('each operation documents exactly the status codes the app answers, each with a description', () => {
  const spec = loadSpec();
  for (const o of operations(spec)) {
    const expected = STATUS_CODES[key(o)];
    if (!expected) continue; // not an app route: the test above reports it
    const responses = o.op.responses ?? {};
    // Codes the app never sends are wrong documentation; a `default` or 5XX entry is fine.
    const documented = Object.keys(responses).filter((c) => /^[1-4]\d\d$/.test(c)).sort();
    assert.deepEqual(documented, expected, `${key(o)}: the app answers ${expected.join(', ')}, but responses has ${documented.join(', ') || 'none'}`);
    for (const code of Object.keys(responses)) {
      const { value } = deref(spec, responses[code], `${o.pointer}/responses/${code}`);
      assert.ok(typeof value?.description === 'string', `${key(o)} ${code}: every response needs a description`);
    }
  }
});

test('POST and PUT declare a required JSON request body whose schema matches what the app accepts', () => {
  const spec = loadSpec();
  const validator = createValidator(spec);
  const samples = {
    'POST /todos': {
      accepts: [{ title: 'Buy milk' }, { title: 'Buy milk', done: true }],
      rejects: [{}, { done: true }, { title: 42 }, { title: 'Buy milk', done: 'yes' }],
    },
    'PUT /todos/{id}': {
      accepts: [{ title: 'Buy milk', done: false }],
      rejects: [{ title: 'Buy milk' }, { done: true }, { title: 42, done: true }],
    },
  };
  for (const [name, { accepts, rejects }] of Object.entries(samples)) {
    const o = operations(spec).find((op) => key(op) === name);
    assert.ok(o, `${name} is not documented`);
    assert.ok(o.op.requestBody, `${name}: add a requestBody`);
    const { value: body, pointer } = deref(spec, o.op.requestBody, `${o.pointer}/requestBody`);
    assert.equal(body.required, true, `${name}: the app needs a body, so set requestBody.required: true`);
    assert.ok(body.content?.['application/json']?.schema, `${name}: requestBody needs content: application/json: schema: ...`);
    const schemaPointer = `${pointer}/content/application~1json/schema`;
    for (const sample of accepts) {
      assert.deepEqual(validator.check(schemaPointer, sample), [], `${name}: the app accepts ${JSON.stringify(sample)}, but the schema rejects it`);
    }
    for (const sample of rejects) {
      assert.notDeepEqual(
        validator.check(schemaPointer, sample),
        [],
        `${name}: the app answers 400 for ${JSON.stringify(sample)}, but the schema allows it (check required and the property types)`,
      );
    }
  }
});

test('every $ref points at something that exists in openapi.yaml', () => {
  const spec = loadSpec();
  const broken = [];
  const walk = (value, at) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${at}/${i}`));
    if (value === null || typeof value !== 'object') return;
    if (typeof value.$ref === 'string') {
      if (!value.$ref.startsWith('#/')) broken.push(`${at}: "${value.$ref}" (keep every definition in this one file)`);
      else if (getPointer(spec, value.$ref) === undefined) broken.push(`${at}: "${value.$ref}"`);
    }
    for (const [k, v] of Object.entries(value)) walk(v, `${at}/${k}`);
  };
  walk(spec, '#');
  assert.deepEqual(broken, [], 'these $refs do not resolve');
});
