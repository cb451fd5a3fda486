// Contract checks: send real requests to the app and hold each response to openapi.yaml.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const request = require('supertest');
const { createApp } = require('../src/app');
const { loadSpec, deref, getPointer, matchOperation, createValidator } = require('./spec');

/** Checks one real response against the documented operation; returns problems as sentences. */
function checkResponse(spec, validator, method, url, res) {
  const urlPath = url.split('?')[0];
  const name = `${method} ${url} → ${res.status}`;
  const o = matchOperation(spec, method, urlPath);
  if (!o) return [`${name}: no operation in openapi.yaml matches ${method} ${urlPath}`];
  const responses = o.op.responses ?? {};
  const documented = responses[String(res.status)];
  if (!documented) return [`${name}: ${o.method} ${o.path} does not document status ${res.status} under responses`];

  const { value: response, pointer } = deref(spec, documented, `${o.pointer}/responses/${res.status}`);
  if (res.status === 204) {
    return response.content ? [`${name}: a 204 response has no body, so it should have no content`] : [];
  }
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return [`${name}: the app answers JSON, so document content: application/json: schema: ...`];

  const schemaPointer = `${pointer}/content/application~1json/schema`;
  const problems = validator.check(schemaPointer, res.body);
  if (problems.length === 0) {
    // The body fits; now look for fields the app sends that the schema does not mention.
    if (Array.isArray(res.body)) {
      const items = deref(spec, getPointer(spec, schemaPointer), schemaPointer);
      if (items.value?.items) {
        for (const item of res.body) problems.push(...validator.check(`${items.pointer}/items`, item, { strict: true, label: 'an item' }));
      }
    } else {
      problems.push(...validator.check(schemaPointer, res.body, { strict: true }));
    }
  }
  if (problems.length === 0) problems.push(...exactness(validator, spec, schemaPointer, res.body));
  return [...new Set(problems)].map((p) => `${name}: ${p} (body: ${JSON.stringify(res.body)})`);
}

/**
 * A schema that accepts this body could still accept almost anything. For each property the app sent,
 * the schema must reject the body without it (the app always sends it: list it under required) and
 * with a value of the wrong type (give the property a type); a list's schema must describe its items.
 */
function exactness(validator, spec, pointer, body) {
  const WRONG = { notA: 'value of this property' };
  if (Array.isArray(body)) {
    if (body.length === 0) return [];
    if (validator.check(pointer, [...body, 42]).length === 0) return ['the list schema accepts any item (42, say); describe its items: items: { $ref: ... }'];
    const items = deref(spec, getPointer(spec, pointer), pointer).value?.items;
    return items ? exactness(validator, spec, `${deref(spec, getPointer(spec, pointer), pointer).pointer}/items`, body[0]) : [];
  }
  if (body === null || typeof body !== 'object') return [];
  const problems = [];
  for (const property of Object.keys(body)) {
    const { [property]: _left, ...without } = body;
    if (validator.check(pointer, without).length === 0) {
      problems.push(`the schema accepts this body without "${property}", which the app always sends; list it under required`);
    }
    if (validator.check(pointer, { ...body, [property]: WRONG }).length === 0) {
      problems.push(`the schema accepts any value for "${property}"; give it a type`);
    }
  }
  return problems;
}

test('real responses match the documented status codes and JSON schemas', async () => {
  const spec = loadSpec();
  const validator = createValidator(spec);
  const agent = request(createApp());
  const problems = [];
  const send = async (method, url, body) => {
    let req = agent[method.toLowerCase()](url);
    if (body !== undefined) req = req.send(body);
    const res = await req;
    problems.push(...checkResponse(spec, validator, method, url, res));
    return res;
  };

  // The same story a client would live through, with every status code the app can answer.
  await send('GET', '/health');
  const created = await send('POST', '/todos', { title: 'Write the OpenAPI spec' });
  assert.equal(created.status, 201, 'the app itself should create a todo; do not change src/app.js');
  const id = created.body.id;
  await send('POST', '/todos', { title: 'Ship it', done: true });
  await send('POST', '/todos', { done: true });
  await send('GET', '/todos');
  await send('GET', '/todos?done=false');
  await send('GET', '/todos?done=maybe');
  await send('GET', `/todos/${id}`);
  await send('GET', '/todos/999');
  await send('PUT', `/todos/${id}`, { title: 'Write the OpenAPI 3.1 spec', done: true });
  await send('PUT', `/todos/${id}`, { title: 'Missing done' });
  await send('PUT', '/todos/999', { title: 'Nobody', done: false });
  await send('DELETE', `/todos/${id}`);
  await send('DELETE', `/todos/${id}`);

  assert.deepEqual(problems, [], 'these responses do not match openapi.yaml');
});
