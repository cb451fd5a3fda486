// Typed configuration from an environment object, twelve-factor style, with secrets that never leak.
import fs from 'node:fs';
import util from 'node:util';

/** A value that must never be printed. Only reveal() gives it back. */
export class Secret<T = string> {
  // A private field (#, not TypeScript's `private`): it exists only at run time inside the class, so
  // util.inspect, JSON.stringify and Object.keys cannot see it.
  readonly #value: T;

  constructor(value: T) {
    this.#value = value;
  }

  reveal(): T {
    return this.#value;
  }

  toString(): string {
    return '[redacted]';
  }

  toJSON(): string {
    return '[redacted]';
  }

  [util.inspect.custom](): string {
    return '[redacted]';
  }
}

/** Thrown by loadConfig with every problem found, never with a value in the message. */
export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export type VarType = 'string' | 'integer' | 'boolean' | 'url';
export interface VarSpec {
  type: VarType;
  secret?: boolean;
  default?: string | number | boolean;
}
export type Schema = Record<string, VarSpec>;
export type Value = string | number | boolean | Secret<string | number | boolean>;
export type Env = Record<string, string | undefined>;

type Parsed = { value: string | number | boolean; error?: undefined } | { value?: undefined; error: string };

/** Parses a raw string as `type` (the error never quotes the raw string). */
function parse(type: VarType, raw: string): Parsed {
  switch (type) {
    case 'string':
      return { value: raw };
    case 'integer':
      if (!/^-?[0-9]+$/.test(raw) || !Number.isSafeInteger(Number(raw))) return { error: 'is not a whole number' };
      return { value: Number(raw) };
    case 'boolean':
      if (raw === 'true' || raw === '1') return { value: true };
      if (raw === 'false' || raw === '0') return { value: false };
      return { error: 'is not a boolean (true, false, 1 or 0)' };
    case 'url': {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return { error: 'is not a URL' };
      }
      if (url.host === '') return { error: 'is not a URL with a host' };
      return { value: raw };
    }
  }
}

const isSet = (value: string | undefined): value is string => value !== undefined && value !== '';

/** Loads the configuration described by `schema` from `env`; throws one ConfigError listing every problem. */
export function loadConfig(schema: Schema, env: Env): Readonly<Record<string, Value>> {
  const config: Record<string, Value> = {};
  const problems: string[] = [];
  for (const [name, { type, secret = false, default: fallback }] of Object.entries(schema)) {
    const direct = env[name];
    const filePath = env[`${name}_FILE`];
    let raw: string | undefined;
    if (isSet(direct) && isSet(filePath)) {
      problems.push(`${name}: set either ${name} or ${name}_FILE, not both`);
      continue;
    }
    if (isSet(filePath)) {
      try {
        raw = fs.readFileSync(filePath, 'utf8').replace(/\r?\n$/, '');
      } catch {
        problems.push(`${name}_FILE: cannot read the file ${filePath}`);
        continue;
      }
    } else if (isSet(direct)) {
      raw = direct;
    }
    if (!isSet(raw)) {
      if (fallback !== undefined) config[name] = secret ? new Secret(fallback) : fallback;
      else problems.push(`${name}: missing (set ${name} or ${name}_FILE)`);
      continue;
    }
    const parsed = parse(type, raw);
    if (parsed.error !== undefined) problems.push(`${name}: ${parsed.error}`);
    else config[name] = secret ? new Secret(parsed.value) : parsed.value;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
