import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { corsPolicy, parseOrigins, isAllowedOrigin } from '../src/cors';

// The policy on its own, without a server; the check also starts the server and sends real requests.
const ORIGINS = ['https://app.example.com', 'http://localhost:5173'];
const request = (method: string, headers: Record<string, string> = {}) => ({ method, headers });

describe('parseOrigins(CORS_ORIGINS)', () => {
  test('splits on commas, trims, drops empty entries', () => {
    assert.deepEqual(parseOrigins('https://app.example.com, http://localhost:5173 ,,'), ORIGINS);
  });
  test('unset allows nothing', () => {
    assert.deepEqual(parseOrigins(undefined), []);
  });
});

describe('isAllowedOrigin(origin, list)', () => {
  test('an origin on the list is allowed', () => {
    assert.equal(isAllowedOrigin('https://app.example.com', ORIGINS), true);
    assert.equal(isAllowedOrigin('http://localhost:5173', ORIGINS), true);
  });
  for (const origin of [
    'https://app.example.com.evil.test',
    'https://notapp.example.com',
    'http://app.example.com',
    'https://app.example.com:8443',
    'https://app.example.co',
    'null',
    undefined,
  ]) {
    test(`${origin} is refused`, () => assert.equal(isAllowedOrigin(origin, ORIGINS), false));
  }
});

describe('corsPolicy(req, routeMethods, allowedOrigins)', () => {
  test('a GET from an allowed origin: the origin echoed, credentials, Vary: Origin', () => {
    const { preflight, headers } = corsPolicy(request('GET', { origin: 'https://app.example.com' }), ['GET', 'POST'], ORIGINS);
    assert.equal(preflight, false);
    assert.deepEqual(headers, {
      Vary: 'Origin',
      'Access-Control-Allow-Origin': 'https://app.example.com',
      'Access-Control-Allow-Credentials': 'true',
    });
  });

  test('a refused origin: only Vary', () => {
    const { headers } = corsPolicy(request('GET', { origin: 'https://evil.test' }), ['GET', 'POST'], ORIGINS);
    assert.deepEqual(headers, { Vary: 'Origin' });
  });

  test("a preflight from an allowed origin: the route's methods, the header allowlist, Max-Age", () => {
    const req = request('OPTIONS', {
      origin: 'https://app.example.com',
      'access-control-request-method': 'DELETE',
      'access-control-request-headers': 'content-type, x-debug',
    });
    const { preflight, headers } = corsPolicy(req, ['GET', 'DELETE'], ORIGINS);
    assert.equal(preflight, true);
    assert.deepEqual(headers, {
      Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      'Access-Control-Allow-Origin': 'https://app.example.com',
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Methods': 'GET, DELETE',
      'Access-Control-Allow-Headers': 'Content-Type, Authorization',
      'Access-Control-Max-Age': '600',
    });
  });

  test('a preflight from a refused origin: only Vary', () => {
    const req = request('OPTIONS', { origin: 'null', 'access-control-request-method': 'POST' });
    const { preflight, headers } = corsPolicy(req, ['GET', 'POST'], ORIGINS);
    assert.equal(preflight, true);
    assert.deepEqual(headers, { Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers' });
  });
});
