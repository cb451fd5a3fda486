import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { Secret, ConfigError, loadConfig, type Schema, type Env } from '../src/config';

// The configuration of a small web service. Tests pass their own env object: never process.env.
const schema: Schema = {
  PORT: { type: 'integer', default: 3000 },
  DEBUG: { type: 'boolean', default: false },
  PUBLIC_URL: { type: 'url' },
  DATABASE_URL: { type: 'url', secret: true },
  API_KEY: { type: 'string', secret: true },
};

const env: Env = {
  PUBLIC_URL: 'https://shop.example.com',
  DATABASE_URL: 'postgres://app:hunter2@db.internal:5432/shop',
  API_KEY: 'sk_live_51Hx9zQ',
};

/** Writes `contents` to a new temporary file, as Docker or Kubernetes would mount a secret. */
function secretFile(contents: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-secrets-'));
  const file = path.join(dir, 'secret');
  fs.writeFileSync(file, contents);
  return file;
}

/** Runs loadConfig expecting a ConfigError, and returns it. */
function configError(s: Schema, e: Env): ConfigError {
  let caught: unknown;
  assert.throws(
    () => loadConfig(s, e),
    (err: unknown) => {
      caught = err;
      return err instanceof ConfigError;
    },
    'expected loadConfig to throw a ConfigError',
  );
  return caught as ConfigError;
}

describe('loading values', () => {
  test('every value is loaded and typed, defaults fill the gaps', () => {
    const config = loadConfig(schema, { ...env, PORT: '8080' });
    assert.equal(config.PORT, 8080);
    assert.equal(config.DEBUG, false);
    assert.equal(config.PUBLIC_URL, 'https://shop.example.com');
    assert.ok(config.DATABASE_URL instanceof Secret, 'DATABASE_URL is marked secret: it must be a Secret');
    assert.equal((config.DATABASE_URL as Secret).reveal(), env.DATABASE_URL);
    assert.equal((config.API_KEY as Secret).reveal(), env.API_KEY);
  });

  test('the env object is the only source: process.env is not read', () => {
    process.env.PUBLIC_URL = 'https://from-process-env.example.com';
    try {
      const err = configError({ PUBLIC_URL: { type: 'url' } }, {});
      assert.match(err.message, /PUBLIC_URL/);
    } finally {
      delete process.env.PUBLIC_URL;
    }
  });

  test('an empty value counts as missing', () => {
    const config = loadConfig(schema, { ...env, PORT: '' });
    assert.equal(config.PORT, 3000);
    const err = configError(schema, { ...env, API_KEY: '' });
    assert.match(err.message, /API_KEY/);
  });
});

describe('every problem at once', () => {
  test('all missing required values are named in one error', () => {
    const err = configError(schema, {});
    for (const name of ['PUBLIC_URL', 'DATABASE_URL', 'API_KEY']) {
      assert.match(err.message, new RegExp(name), `the error should name ${name}`);
    }
    assert.equal(err.problems.length, 3, 'one problem per missing value');
  });

  test('missing and invalid values are reported together', () => {
    const err = configError(schema, { ...env, PORT: 'eighty', DEBUG: 'yes', API_KEY: undefined });
    for (const name of ['PORT', 'DEBUG', 'API_KEY']) {
      assert.match(err.message, new RegExp(name), `the error should name ${name}`);
    }
    assert.equal(err.problems.length, 3);
  });
});

describe('strict parsing', () => {
  test('integers: only whole numbers, nothing trailing', () => {
    assert.equal(loadConfig(schema, { ...env, PORT: '0' }).PORT, 0);
    assert.equal(loadConfig({ OFFSET: { type: 'integer' } }, { OFFSET: '-15' }).OFFSET, -15);
    for (const bad of ['3000abc', '30.5', '1e3', '0x10', ' 3000', 'abc', '99999999999999999999']) {
      const err = configError(schema, { ...env, PORT: bad });
      assert.match(err.message, /PORT/, `PORT=${JSON.stringify(bad)} should be refused`);
    }
  });

  test('booleans: "false" and "0" are false, anything unexpected is an error', () => {
    assert.equal(loadConfig(schema, { ...env, DEBUG: 'false' }).DEBUG, false);
    assert.equal(loadConfig(schema, { ...env, DEBUG: '0' }).DEBUG, false);
    assert.equal(loadConfig(schema, { ...env, DEBUG: 'true' }).DEBUG, true);
    assert.equal(loadConfig(schema, { ...env, DEBUG: '1' }).DEBUG, true);
    for (const bad of ['yes', 'no', 'on', 'False ', '2']) {
      const err = configError(schema, { ...env, DEBUG: bad });
      assert.match(err.message, /DEBUG/, `DEBUG=${JSON.stringify(bad)} should be refused`);
    }
  });

  test('URLs: must parse and have a host', () => {
    for (const bad of ['shop.example.com', 'localhost:5432', 'https://', 'not a url']) {
      const err = configError(schema, { ...env, PUBLIC_URL: bad });
      assert.match(err.message, /PUBLIC_URL/, `PUBLIC_URL=${JSON.stringify(bad)} should be refused`);
    }
  });
});

describe('secrets from files (NAME_FILE)', () => {
  test('API_KEY_FILE reads the secret from that file, without the trailing line end', () => {
    const { API_KEY, ...rest } = env;
    const config = loadConfig(schema, { ...rest, API_KEY_FILE: secretFile(`${API_KEY!}\n`) });
    assert.equal((config.API_KEY as Secret).reveal(), API_KEY);
    const windows = loadConfig(schema, { ...rest, API_KEY_FILE: secretFile(`${API_KEY!}\r\n`) });
    assert.equal((windows.API_KEY as Secret).reveal(), API_KEY);
  });

  test('a value read from a file is parsed like any other', () => {
    const config = loadConfig(schema, { ...env, PORT_FILE: secretFile('8443\n') });
    assert.equal(config.PORT, 8443);
  });

  test('a file that cannot be read is a problem named in the error', () => {
    const { API_KEY: _unused, ...rest } = env;
    const err = configError(schema, { ...rest, API_KEY_FILE: path.join(os.tmpdir(), 'no-such-dir-4711', 'key') });
    assert.match(err.message, /API_KEY_FILE/);
  });

  test('setting both NAME and NAME_FILE is refused', () => {
    const err = configError(schema, { ...env, API_KEY_FILE: secretFile('other\n') });
    assert.match(err.message, /API_KEY/);
  });
});

describe('secrets never leak', () => {
  const config = loadConfig(schema, env);
  const values = [env.DATABASE_URL!, env.API_KEY!, 'hunter2'];
  const noLeak = (text: string, how: string) => {
    for (const value of values) assert.ok(!text.includes(value), `${how} shows the secret: ${text}`);
    assert.match(text, /\[redacted\]/, `${how} should show [redacted]`);
  };

  test('String() and template literals show [redacted]', () => {
    noLeak(String(config.API_KEY), 'String()');
    noLeak(`key=${config.API_KEY}`, 'a template literal');
    noLeak('key=' + config.API_KEY, 'string concatenation');
  });

  test('JSON.stringify shows [redacted]', () => {
    noLeak(JSON.stringify(config.API_KEY), 'JSON.stringify of the secret');
    noLeak(JSON.stringify(config), 'JSON.stringify of the whole config');
  });

  test('util.inspect and console.log show [redacted]', () => {
    noLeak(util.inspect(config.DATABASE_URL), 'util.inspect of the secret');
    noLeak(util.inspect(config, { depth: 10, showHidden: true }), 'util.inspect of the whole config');
    noLeak(util.format('%o', config), "console.log('%o', config)");
  });

  test('an invalid secret is reported without its value', () => {
    const err = configError(schema, { ...env, DATABASE_URL: 'hunter2 is the password' });
    assert.match(err.message, /DATABASE_URL/);
    for (const text of [err.message, err.stack ?? '', util.inspect(err), JSON.stringify(err.problems)]) {
      assert.ok(!text.includes('hunter2'), `the error shows the secret: ${text}`);
    }
  });

  test('reveal() is the only way to the value', () => {
    assert.equal((config.API_KEY as Secret).reveal(), env.API_KEY);
    assert.deepEqual(Object.keys(config.API_KEY as Secret), []);
  });
});
