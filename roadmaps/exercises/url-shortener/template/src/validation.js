const MAX_URL_LENGTH = 2048;
const ALIAS_PATTERN = /^[A-Za-z0-9_-]{3,32}$/;
// First path segments the API uses or may use later; an alias must not hide them.
const RESERVED = new Set(['api', 'health']);

/**
 * True for an absolute http:// or https:// URL with a host, no user or password in it
 * ("https://bank.example@evil.example" really goes to evil.example), at most MAX_URL_LENGTH
 * characters. False for anything else, including non-strings.
 */
function isHttpUrl(value) {
  // TODO: parse with `new URL(value)` inside try/catch, then check url.protocol, url.hostname,
  // url.username and url.password.
  throw new Error('TODO: implement isHttpUrl(value) in src/validation.js');
}

/** 3–32 letters, digits, "-" or "_", and not a reserved word. */
function isValidAlias(value) {
  return typeof value === 'string' && ALIAS_PATTERN.test(value) && !RESERVED.has(value.toLowerCase());
}

module.exports = { isHttpUrl, isValidAlias, MAX_URL_LENGTH };
