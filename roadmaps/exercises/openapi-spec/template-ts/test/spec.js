// Helpers for the tests: read openapi.yaml, follow $refs, list the app's routes, build validators.
// Not a test file itself (the tests are test/*.test.js).
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const Ajv2020 = require('ajv/dist/2020');
const addFormats = require('ajv-formats');

const SPEC_FILE = path.join(__dirname, '..', 'openapi.yaml');
const SPEC_ID = 'https://exercise.invalid/openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

/** The parsed openapi.yaml. Throws a readable error when the file is missing or not YAML. */
function loadSpec() {
  if (!fs.existsSync(SPEC_FILE)) throw new Error('openapi.yaml is missing: write it next to package.json');
  const document = YAML.parseDocument(fs.readFileSync(SPEC_FILE, 'utf8'));
  if (document.errors.length > 0) throw new Error(`openapi.yaml is not valid YAML: ${document.errors[0].message}`);
  const spec = document.toJS();
  if (spec === null || typeof spec !== 'object') throw new Error('openapi.yaml must be a mapping (openapi:, info:, paths:, ...)');
  return spec;
}

/** The value at a local JSON pointer such as '#/components/schemas/Todo', or undefined. */
function getPointer(spec, pointer) {
  if (typeof pointer !== 'string' || !pointer.startsWith('#')) return undefined;
  if (pointer === '#') return spec;
  if (!pointer.startsWith('#/')) return undefined;
  let current = spec;
  for (const raw of pointer.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/**
 * A path template with its parameter names left out: OpenAPI treats /todos/{id} and /todos/{todoId}
 * as the same path, so the tests compare paths this way and never depend on the name you chose.
 */
const templateOf = (route) => String(route).replace(/\{[^/}]*\}/g, '{}');

/** Escapes one key for a JSON pointer: '/todos/{id}' → '~1todos~1{id}'. */
const escapeKey = (key) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/** Follows $ref until a real object; returns it with the pointer where it lives. */
function deref(spec, value, pointer) {
  const seen = new Set();
  while (value !== null && typeof value === 'object' && typeof value.$ref === 'string') {
    if (seen.has(value.$ref)) throw new Error(`${pointer}: $ref loop through ${value.$ref}`);
    seen.add(value.$ref);
    const target = getPointer(spec, value.$ref);
    if (target === undefined) throw new Error(`${pointer}: $ref "${value.$ref}" does not resolve`);
    pointer = value.$ref;
    value = target;
  }
  return { value, pointer };
}

/** Every operation in the spec: { method: 'GET', path: '/todos/{id}', op, pointer, parameters }. */
function operations(spec) {
  const out = [];
  for (const [route, item] of Object.entries(spec.paths ?? {})) {
    if (item === null || typeof item !== 'object') continue;
    const itemPointer = `#/paths/${escapeKey(route)}`;
    for (const method of METHODS) {
      const op = item[method];
      if (op === null || typeof op !== 'object') continue;
      const pointer = `${itemPointer}/${method}`;
      // Operation parameters override path-item parameters with the same name and location.
      const parameters = new Map();
      const pointerOf = new Map(); // parameter → the JSON pointer where it is defined
      for (const [list, at] of [[item.parameters, itemPointer], [op.parameters, pointer]]) {
        (Array.isArray(list) ? list : []).forEach((p, i) => {
          const { value, pointer: where } = deref(spec, p, `${at}/parameters/${i}`);
          if (value && typeof value === 'object') {
            parameters.set(`${value.in}:${value.name}`, value);
            pointerOf.set(value, where);
          }
        });
      }
      out.push({ method: method.toUpperCase(), path: route, op, pointer, parameters: [...parameters.values()], pointerOf });
    }
  }
  return out;
}

/** The routes an Express 5 app registers, as { method: 'GET', path: '/todos/{id}' }, nested routers included. */
function appRoutes(app) {
  const routes = [];
  const join = (a, b) => (a + (b === '/' ? '' : b)).replace(/\/{2,}/g, '/') || '/';
  const walk = (stack, prefix) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          if (method === '_all') continue;
          const express = join(prefix, layer.route.path);
          routes.push({ method: method.toUpperCase(), path: express.replace(/:(\w+)/g, '{$1}'), express });
        }
      } else if (Array.isArray(layer.handle?.stack)) {
        walk(layer.handle.stack, join(prefix, layer.rawPath ?? ''));
      }
    }
  };
  walk(app.router.stack, '');
  return routes;
}

/** Finds the documented operation for a concrete request path such as /todos/3. */
function matchOperation(spec, method, urlPath) {
  return operations(spec).find((o) => {
    if (o.method !== method) return false;
    const pattern = new RegExp(`^${o.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/}]+\}/g, '[^/]+')}$`);
    return pattern.test(urlPath);
  });
}

/** An Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1) that knows the whole spec, so $refs work. */
function createValidator(spec) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(spec, SPEC_ID);
  return {
    /** Validates `data` against the schema at `pointer`; returns a list of problems (empty when valid). */
    check(pointer, data, { strict = false, label = 'the body' } = {}) {
      const schema = { $ref: SPEC_ID + pointer };
      if (strict) schema.unevaluatedProperties = false;
      let validate;
      try {
        validate = ajv.compile(schema);
      } catch (error) {
        return [`the schema at ${pointer} is not a valid JSON Schema: ${error.message}`];
      }
      if (validate(data)) return [];
      return validate.errors.map((e) =>
        e.keyword === 'unevaluatedProperties'
          ? `${e.instancePath || label} has "${e.params.unevaluatedProperty}", which the schema does not describe`
          : `${e.instancePath || label} ${e.message}`,
      );
    },
  };
}

module.exports = { templateOf, loadSpec, getPointer, deref, escapeKey, operations, appRoutes, matchOperation, createValidator, METHODS };
