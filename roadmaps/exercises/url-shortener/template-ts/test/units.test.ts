import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomCode, ALPHABET, CODE_LENGTH } from '../src/codes';
import { isHttpUrl } from '../src/validation';

test('randomCode gives 7 base62 characters by default', () => {
  assert.equal(CODE_LENGTH, 7);
  const code = randomCode();
  assert.equal(typeof code, 'string', 'randomCode() should return a string');
  assert.match(code, /^[0-9A-Za-z]{7}$/, `expected 7 letters or digits, got ${JSON.stringify(code)}`);
});

test('randomCode takes a length', () => {
  assert.match(randomCode(12), /^[0-9A-Za-z]{12}$/);
});

test('randomCode spreads over the whole alphabet and does not repeat itself', () => {
  const codes = Array.from({ length: 2000 }, () => randomCode());
  assert.equal(new Set(codes).size, codes.length, '2000 random 7-character codes should all differ');
  const used = new Set(codes.join(''));
  assert.equal(used.size, ALPHABET.length, `only ${used.size} of the 62 characters ever appeared`);
});

test('isHttpUrl accepts absolute http and https URLs', () => {
  for (const url of [
    'https://example.com',
    'http://example.com/some/page?x=1#top',
    'HTTPS://EXAMPLE.COM/Path',
    'https://localhost:8080/',
    'https://例え.jp/ページ',
  ]) {
    assert.equal(isHttpUrl(url), true, `${url} is a fine URL`);
  }
});

test('isHttpUrl refuses everything else', () => {
  const cases: Record<string, unknown> = {
    'a relative URL': '/just/a/path',
    'a missing scheme': 'example.com',
    'a javascript: URL': 'javascript:alert(1)',
    'a data: URL': 'data:text/html,<script>alert(1)</script>',
    'an ftp: URL': 'ftp://example.com/file',
    'a URL with a user and password': 'https://bank.example@evil.example/login',
    'an empty string': '',
    'a URL over 2048 characters': `https://example.com/${'a'.repeat(2048)}`,
    'a number': 42,
    'undefined': undefined,
  };
  for (const [what, value] of Object.entries(cases)) {
    assert.equal(isHttpUrl(value), false, `isHttpUrl should refuse ${what}`);
  }
});
