// Quick checks of src/uploads.ts, called directly. The full behaviour is checked from outside by
// the exercise's spec (see README.md).
import test from 'node:test';
import assert from 'node:assert/strict';
import { detectType, safeName, acceptUpload, downloadHeaders } from '../src/uploads';
import type { Verdict } from '../src/uploads';

const statusOf = (verdict: Verdict): number => ('status' in verdict ? verdict.status : 201);

test('detectType reads the first bytes only', () => {
  assert.equal(detectType(Buffer.from('%PDF-1.7 ...')), 'application/pdf');
  assert.equal(detectType(Buffer.from('GIF89a...')), 'image/gif');
  assert.equal(detectType(Buffer.from('GIF87a...')), 'image/gif');
  assert.equal(detectType(Buffer.from('<?php echo 1; ?>')), undefined);
  assert.equal(detectType(Buffer.from('text, then %PDF-')), undefined);
});

test('safeName keeps the last segment and only safe characters', () => {
  assert.equal(safeName('../../etc/passwd.pdf'), 'passwd.pdf');
  assert.equal(safeName('C:\\docs\\a b.gif'), 'a_b.gif');
  assert.equal(safeName('.env'), 'env');
  assert.equal(safeName('..'), 'file');
});

test('acceptUpload: 413 over the limit, 415 for an unknown type whatever the claim', () => {
  const pdf = Buffer.from('%PDF-1.7');
  assert.equal(statusOf(acceptUpload({ filename: 'a.pdf', claimedType: 'application/pdf', bytes: pdf, maxBytes: 7 })), 413);
  assert.deepEqual(acceptUpload({ filename: 'a.pdf', claimedType: 'text/plain', bytes: pdf, maxBytes: 8 }), { name: 'a.pdf', type: 'application/pdf' });
  assert.equal(statusOf(acceptUpload({ filename: 'a.gif', claimedType: 'image/gif', bytes: Buffer.from('MZ'), maxBytes: 8 })), 415);
});

test('downloadHeaders: the type, an attachment and nosniff', () => {
  const headers = Object.fromEntries(Object.entries(downloadHeaders({ name: 'a.pdf', type: 'application/pdf' })).map(([k, v]) => [k.toLowerCase(), v]));
  assert.equal(headers['content-type'], 'application/pdf');
  assert.equal(headers['content-disposition'], 'attachment; filename="a.pdf"');
  assert.equal(headers['x-content-type-options'], 'nosniff');
});
