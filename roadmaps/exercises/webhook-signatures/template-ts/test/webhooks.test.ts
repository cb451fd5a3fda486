// Quick checks of src/webhooks.ts, called directly. The full behaviour is checked from outside by
// the exercise's spec (see README.md).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { verifySignature, createWebhookHandler } from '../src/webhooks';

const secret = 'whsec_unit_test';
const now = 1767225600;
const body = Buffer.from('{"id": "evt_1", "type": "payment.succeeded", "amount": 1500}');
const sign = (t: number, bytes: Buffer = body, key: string = secret): string => crypto.createHmac('sha256', key).update(`${t}.`).update(bytes).digest('hex');
const verify = (header: string | undefined): boolean => verifySignature({ header, rawBody: body, secret, toleranceSeconds: 300, now }).ok;

test('a signature over "t." + the raw body with the secret is accepted', () => {
  assert.equal(verify(`t=${now},v1=${sign(now)}`), true);
});

test('another secret, a changed body or a missing header is refused', () => {
  assert.equal(verify(`t=${now},v1=${sign(now, body, 'other')}`), false, 'another secret');
  assert.equal(verify(`t=${now},v1=${sign(now, Buffer.from('{"id":"evt_1"}'))}`), false, 'another body');
  assert.equal(verify(undefined), false, 'no header');
  assert.equal(verify(`t=${now},v1=abc`), false, 'a short v1 is refused, not a crash');
});

test('timestamps more than the tolerance away, either way, are refused', () => {
  assert.equal(verify(`t=${now - 301},v1=${sign(now - 301)}`), false, '301 s old');
  assert.equal(verify(`t=${now + 301},v1=${sign(now + 301)}`), false, '301 s ahead');
  assert.equal(verify(`t=${now - 300},v1=${sign(now - 300)}`), true, '300 s old is still fine');
});

test('the handler applies an event once, and only when it is verified', () => {
  const applied: string[] = [];
  const handle = createWebhookHandler({ secret, toleranceSeconds: 300, now: () => now, onEvent: (e) => applied.push(e.id) });
  assert.equal(handle(`t=${now},v1=${sign(now, body, 'forged')}`, body).status, 400);
  assert.deepEqual(handle(`t=${now},v1=${sign(now)}`, body), { status: 200, body: { received: true } });
  assert.deepEqual(handle(`t=${now},v1=${sign(now)}`, body), { status: 200, body: { received: true, duplicate: true } });
  assert.deepEqual(applied, ['evt_1']);
});
