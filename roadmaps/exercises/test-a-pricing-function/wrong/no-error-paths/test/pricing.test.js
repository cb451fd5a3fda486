const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const { priceOrder } = require('../src/pricing');

// WEAK: every price rule, but never invalid input: nothing checks what must throw.

// Every expected price is worked out by hand from the rules in the README, never by calling the code
// under test: a test that asks the code what the answer is cannot notice when the code is wrong.

describe('orders without discounts', () => {
  test('an empty order costs nothing', () => {
    assert.deepEqual(priceOrder([]), { subtotal: 0, discount: 0, total: 0 });
  });

  test('the subtotal adds up unit price times quantity over the lines', () => {
    // 2 × 12.50 + 1 × 3.00 = 28.00
    const lines = [
      { unitPrice: 1250, quantity: 2 },
      { unitPrice: 300, quantity: 1 },
    ];
    assert.deepEqual(priceOrder(lines), { subtotal: 2800, discount: 0, total: 2800 });
  });

  test('free items are fine', () => {
    assert.deepEqual(priceOrder([{ unitPrice: 0, quantity: 3 }]), { subtotal: 0, discount: 0, total: 0 });
  });
});

describe('bulk discount: 10% off a line of 10 or more', () => {
  // Table-driven: the boundary (9, 10, 11) is where an off-by-one hides.
  const cases = [
    { quantity: 9, total: 900 },
    { quantity: 10, total: 900 },
    { quantity: 11, total: 990 },
    { quantity: 25, total: 2250 },
  ];
  for (const { quantity, total } of cases) {
    test(`${quantity} items at 1.00 cost ${(total / 100).toFixed(2)}`, () => {
      const price = priceOrder([{ unitPrice: 100, quantity }]);
      assert.equal(price.total, total);
      assert.equal(price.subtotal, quantity * 100);
      assert.equal(price.discount, price.subtotal - total);
    });
  }

  test('only the line with 10 or more is discounted, not the rest of the order', () => {
    const lines = [
      { unitPrice: 100, quantity: 10 },
      { unitPrice: 500, quantity: 1 },
    ];
    assert.deepEqual(priceOrder(lines), { subtotal: 1500, discount: 100, total: 1400 });
  });

  test('the discount is rounded to the nearest cent, halves up', () => {
    // 15 × 0.01 = 0.15; 10% of it is 1.5 cents, which rounds up to 2.
    assert.deepEqual(priceOrder([{ unitPrice: 1, quantity: 15 }]), { subtotal: 15, discount: 2, total: 13 });
  });
});

describe('member discount: 5% off the order, after bulk discounts', () => {
  test('a member pays 5% less', () => {
    assert.deepEqual(priceOrder([{ unitPrice: 2000, quantity: 1 }], { member: true }), { subtotal: 2000, discount: 100, total: 1900 });
  });

  test('comes after the bulk discount', () => {
    // 10 × 1.00 = 10.00, bulk → 9.00, then 5% of 9.00 = 0.45 → 8.55.
    assert.deepEqual(priceOrder([{ unitPrice: 100, quantity: 10 }], { member: true }), { subtotal: 1000, discount: 145, total: 855 });
  });

  test('is rounded to the nearest cent: half a cent up, less than half down', () => {
    // 5% of 10.10 is 50.5 cents → 51; 5% of 10.09 is 50.45 cents → 50.
    assert.equal(priceOrder([{ unitPrice: 1010, quantity: 1 }], { member: true }).total, 959);
    assert.equal(priceOrder([{ unitPrice: 1009, quantity: 1 }], { member: true }).total, 959);
  });

  test('member: false is the same as no option', () => {
    assert.equal(priceOrder([{ unitPrice: 2000, quantity: 1 }], { member: false }).total, 2000);
  });
});

describe('coupon SAVE5: 5.00 off, last of all', () => {
  test('takes 500 cents off', () => {
    assert.deepEqual(priceOrder([{ unitPrice: 2000, quantity: 1 }], { coupon: 'SAVE5' }), { subtotal: 2000, discount: 500, total: 1500 });
  });

  test('comes after the member discount', () => {
    // 100.00 → member 95.00 → coupon 90.00 (coupon first would give 95% of 95.00 = 90.25).
    assert.deepEqual(priceOrder([{ unitPrice: 10000, quantity: 1 }], { member: true, coupon: 'SAVE5' }), {
      subtotal: 10000,
      discount: 1000,
      total: 9000,
    });
  });

  test('never makes the total negative', () => {
    assert.deepEqual(priceOrder([{ unitPrice: 300, quantity: 1 }], { coupon: 'SAVE5' }), { subtotal: 300, discount: 300, total: 0 });
  });
});
