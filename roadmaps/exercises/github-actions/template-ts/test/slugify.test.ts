// The project's own unit tests: the ones your workflow runs on every push.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slugify } from '../src/slugify';

test('slugify makes lower-case, dash-separated slugs', () => {
  assert.equal(slugify('Hello, World!'), 'hello-world');
  assert.equal(slugify('  Crème brûlée  '), 'creme-brulee');
  assert.equal(slugify('---'), '');
});
