// Typed configuration from an environment object, twelve-factor style, with secrets that never leak.
import fs from 'node:fs';
import util from 'node:util';

/** A value that must never be printed. Only reveal() gives it back. */
export class Secret<T = string> {
  // TODO: keep the value where nothing can list it: a private field (#value, not TypeScript's
  //       `private`, which is still an ordinary property at run time).

  constructor(value: T) {
    // TODO
  }

  reveal(): T {
    // TODO: the only way to the value.
    throw new Error('not implemented');
  }

  // TODO: every way a value gets printed must show '[redacted]':
  //   String(secret) and `${secret}`  -> toString()
  //   JSON.stringify(secret)          -> toJSON()
  //   util.inspect / console.log      -> a method named [util.inspect.custom]
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
      // TODO: only an optional minus and digits, and a safe integer (Number.isSafeInteger).
      return { error: 'is not a whole number' };
    case 'boolean':
      // TODO: 'true' and '1' are true, 'false' and '0' are false, anything else is an error.
      return { error: 'is not a boolean (true, false, 1 or 0)' };
    case 'url':
      // TODO: new URL(raw) must not throw, and the URL must have a host. Return the string.
      return { error: 'is not a URL' };
  }
}

/** Loads the configuration described by `schema` from `env`; throws one ConfigError listing every problem. */
export function loadConfig(schema: Schema, env: Env): Readonly<Record<string, Value>> {
  const config: Record<string, Value> = {};
  const problems: string[] = [];
  for (const [name, { type, secret = false, default: fallback }] of Object.entries(schema)) {
    // TODO: the raw value comes from env[name], or from the file named by env[`${name}_FILE`]
    //       (fs.readFileSync(path, 'utf8'), one trailing \n or \r\n removed). Both set: a problem.
    //       A file that cannot be read: a problem. An empty string counts as not set.
    // TODO: not set: use the default if there is one, else it is a problem ("missing").
    // TODO: parse(type, raw); an error is a problem; wrap the value in a Secret when `secret`.
    // Problems are collected, never thrown one by one; none of them contains a value.
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
