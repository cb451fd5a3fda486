// Quick checks of src/uploads.js, called directly. The full behaviour is checked from outside by
// the exercise's spec (see README.md).
const test = require('node:test');
const assert = require('node:assert/strict');
const { detectType, safeName, acceptUpload, downloadHeaders } = require('../src/uploads');

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
  assert.equal(acceptUpload({ filename: 'a.pdf', claimedType: 'application/pdf', bytes: pdf, maxBytes: 7 }).status, 413);
  assert.deepEqual(acceptUpload({ filename: 'a.pdf', claimedType: 'text/plain', bytes: pdf, maxBytes: 8 }), { name: 'a.pdf', type: 'application/pdf' });
  assert.equal(acceptUpload({ filename: 'a.gif', claimedType: 'image/gif', bytes: Buffer.from('MZ'), maxBytes: 8 }).status, 415);
});

test('downloadHeaders: the type, an attachment and nosniff', () => {
  const headers = Object.fromEntries(Object.entries(downloadHeaders({ name: 'a.pdf', type: 'application/pdf' })).map(([k, v]) => [k.toLowerCase(), v]));
  assert.equal(headers['content-type'], 'application/pdf');
  assert.equal(headers['content-disposition'], 'attachment; filename="a.pdf"');
  assert.equal(headers['x-content-type-options'], 'nosniff');
});
