const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const { priceOrder } = require('../src/pricing');

// WEAK: one ordinary order per feature; no boundary, no rounding, no combination, no invalid input.

test('an order without discounts', () => {
  assert.equal(priceOrder([{ unitPrice: 1250, quantity: 2 }]).total, 2500);
});

test('a member pays 5% less', () => {
  assert.equal(priceOrder([{ unitPrice: 2000, quantity: 1 }], { member: true }).total, 1900);
});

test('SAVE5 takes 5.00 off', () => {
  assert.equal(priceOrder([{ unitPrice: 2000, quantity: 1 }], { coupon: 'SAVE5' }).total, 1500);
});
