export const MAX_URL_LENGTH = 2048;
const ALIAS_PATTERN = /^[A-Za-z0-9_-]{3,32}$/;
// First path segments the API uses or may use later; an alias must not hide them.
const RESERVED = new Set(['api', 'health']);

/**
 * True for an absolute http:// or https:// URL with a host, no user or password in it
 * ("https://bank.example@evil.example" really goes to evil.example), at most MAX_URL_LENGTH
 * characters. False for anything else, including non-strings: `value` is whatever the client sent.
 */
export function isHttpUrl(value: unknown): value is string {
  // TODO: check typeof value === 'string' and the length, parse with `new URL(value)` inside
  // try/catch, then check url.protocol, url.hostname, url.username and url.password.
  void value;
  throw new Error('TODO: implement isHttpUrl(value) in src/validation.ts');
}

/** 3–32 letters, digits, "-" or "_", and not a reserved word. */
export function isValidAlias(value: unknown): value is string {
  return typeof value === 'string' && ALIAS_PATTERN.test(value) && !RESERVED.has(value.toLowerCase());
}
