import { test } from 'node:test';
import assert from 'node:assert/strict';
import { priceOrder } from '../src/pricing';

// Your tests go here. src/pricing.ts is correct: every test you write must pass against it. The check
// then runs your tests against broken copies of src/pricing.ts ("seeded bugs"), and passes when each
// broken copy makes at least one of your tests fail.
//
// One example to start from (it passes, and it catches none of the seeded bugs yet):

test('an order without discounts costs unit price times quantity, added up', () => {
  const lines = [
    { unitPrice: 1250, quantity: 2 },
    { unitPrice: 300, quantity: 1 },
  ];
  assert.deepEqual(priceOrder(lines), { subtotal: 2800, discount: 0, total: 2800 });
});

// TODO: the bulk discount. Where exactly does it start?
// TODO: the member discount, and how it combines with the bulk discount.
// TODO: the coupon, and how it combines with the others.
// TODO: rounding to the cent.
// TODO: invalid input (assert.throws).
