// Static checks: openapi.yaml against the routes the app registers, and against OpenAPI's rules.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { createApp } = require('../src/app');
const { loadSpec, getPointer, deref, operations, appRoutes, createValidator, templateOf } = require('./spec');

/** How an operation is named in messages: GET /todos/{todoId}. */
const key = (r) => `${r.method} ${r.path}`;
/** How operations are compared: the parameter names do not count (GET /todos/{}). */
const same = (r) => `${r.method} ${templateOf(r.path)}`;

// What the app answers for each operation (see the comment at the top of src/app.js).
const STATUS_CODES = {
  'GET /health': ['200'],
  'GET /todos': ['200', '400'],
  'POST /todos': ['201', '400'],
  'GET /todos/{}': ['200', '404'],
  'PUT /todos/{}': ['200', '400', '404'],
  'DELETE /todos/{}': ['204', '404'],
};

test('openapi.yaml is OpenAPI 3.1 with an info title and version', () => {
  const spec = loadSpec();
  assert.match(String(spec.openapi ?? ''), /^3\.1\.\d+$/, 'the first line should be `openapi: 3.1.0`');
  assert.ok(typeof spec.info?.title === 'string' && spec.info.title.trim(), 'info.title is required');
  assert.ok(typeof spec.info?.version === 'string' && spec.info.version.trim(), 'info.version is required: a string, so quote numbers ("1.0")');
});

test('every route the app registers is documented with the same method and path', () => {
  const spec = loadSpec();
  const documented = new Set(operations(spec).map(same));
  const missing = appRoutes(createApp()).filter((r) => !documented.has(same(r)));
  assert.deepEqual(
    missing.map((r) => `${key(r)} (Express: ${r.express})`),
    [],
    'the app serves these but openapi.yaml has no operation for them (write :id as {id}, and methods in lower case: get, post, ...)',
  );
});

test('every documented operation exists in the app', () => {
  const spec = loadSpec();
  const served = new Set(appRoutes(createApp()).map(same));
  const extra = operations(spec).filter((o) => !served.has(same(o)));
  assert.deepEqual(extra.map(key), [], 'openapi.yaml documents these, but the app does not serve them');
  // /todos/{id} and /todos/{todoId} are the same path to OpenAPI: documenting both is invalid.
  const byTemplate = new Map();
  for (const route of Object.keys(spec.paths ?? {})) {
    const other = byTemplate.get(templateOf(route));
    assert.ok(!other, `"${other}" and "${route}" are the same path (only the parameter name differs); keep one`);
    byTemplate.set(templateOf(route), route);
  }
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
  const list = operations(spec).find((o) => same(o) === 'GET /todos');
  assert.ok(list, 'GET /todos is not documented');
  const done = list.parameters.find((p) => p.in === 'query' && p.name === 'done');
  assert.ok(done, 'GET /todos accepts ?done=true|false: add a parameter with name: done, in: query');
  assert.ok(done.schema, 'the done query parameter needs a schema (type: boolean)');
  assert.notEqual(done.required, true, 'done is optional');
  // The schema must say what the app accepts: true and false, and nothing else (?done=maybe is a 400).
  const validator = createValidator(spec);
  const pointer = `${list.pointerOf.get(done)}/schema`;
  const allows = (values) => values.every((v) => validator.check(pointer, v).length === 0);
  assert.ok(allows([true, false]) || allows(['true', 'false']), 'the done schema must allow true and false: type: boolean');
  assert.ok(!allows(['maybe']), 'the app answers 400 for ?done=maybe, but the done schema allows it: type: boolean');
});

test('each operation documents exactly the status codes the app answers, each with a description', () => {
  const spec = loadSpec();
  for (const o of operations(spec)) {
    const expected = STATUS_CODES[same(o)];
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

test('POST /todos documents the Location header of its 201', () => {
  const spec = loadSpec();
  const create = operations(spec).find((o) => same(o) === 'POST /todos');
  assert.ok(create, 'POST /todos is not documented');
  const created = create.op.responses?.['201'];
  assert.ok(created, 'POST /todos: document the 201 response');
  const { value } = deref(spec, created, `${create.pointer}/responses/201`);
  const headers = Object.keys(value.headers ?? {}).map((h) => h.toLowerCase());
  assert.ok(headers.includes('location'), 'POST /todos 201: the app sends a Location header (the new todo\'s URL); document it under headers: Location: with a schema');
});

test('POST and PUT declare a required JSON request body whose schema matches what the app accepts', () => {
  const spec = loadSpec();
  const validator = createValidator(spec);
  const samples = {
    'POST /todos': {
      accepts: [{ title: 'Buy milk' }, { title: 'Buy milk', done: true }, { title: 'x'.repeat(200) }],
      rejects: [{}, { done: true }, { title: 42 }, { title: 'Buy milk', done: 'yes' }, { title: '' }, { title: 'x'.repeat(201) }],
    },
    'PUT /todos/{id}': {
      accepts: [{ title: 'Buy milk', done: false }, { title: 'x'.repeat(200), done: true }],
      rejects: [{ title: 'Buy milk' }, { done: true }, { title: 42, done: true }, { title: '', done: true }, { title: 'x'.repeat(201), done: false }],
    },
  };
  for (const [name, { accepts, rejects }] of Object.entries(samples)) {
    const o = operations(spec).find((op) => same(op) === templateOf(name));
    assert.ok(o, `${name} is not documented`);
    assert.ok(o.op.requestBody, `${name}: add a requestBody`);
    const { value: body, pointer } = deref(spec, o.op.requestBody, `${o.pointer}/requestBody`);
    assert.equal(body.required, true, `${name}: the app needs a body, so set requestBody.required: true`);
    assert.ok(body.content?.['application/json']?.schema, `${name}: requestBody needs content: application/json: schema: ...`);
    const schemaPointer = `${pointer}/content/application~1json/schema`;
    for (const sample of accepts) {
      assert.deepEqual(validator.check(schemaPointer, sample), [], `${name}: the app accepts ${JSON.stringify(sample).slice(0, 80)}, but the schema rejects it`);
    }
    for (const sample of rejects) {
      assert.notDeepEqual(
        validator.check(schemaPointer, sample),
        [],
        `${name}: the app answers 400 for ${JSON.stringify(sample).slice(0, 80)}, but the schema allows it (check required, the property types, and the title's length: 1 to 200)`,
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
