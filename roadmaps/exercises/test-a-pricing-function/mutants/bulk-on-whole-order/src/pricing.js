// The price calculator of a small shop. This code is correct and complete: leave it as it is. Your
// job is the tests in test/pricing.test.js, which must pin down every rule below so firmly that a
// bug slipped into this file would make one of them fail.
//
// All amounts are whole cents (1250 is 12.50 €), so nothing is lost to floating point.

/** A line of 10 or more of the same item is 10% cheaper. */
const BULK_QUANTITY = 10;
const BULK_PERCENT = 10;
/** Members get 5% off the order, after bulk discounts. */
const MEMBER_PERCENT = 5;
/** Coupon codes and the cents they take off, last of all (never below zero). */
const COUPONS = { SAVE5: 500 };

/** `percent`% of `amount`, rounded to the nearest cent (halves up). */
function percentOf(amount, percent) {
  return Math.round((amount * percent) / 100);
}

/**
 * @typedef {object} OrderLine
 * @property {number} unitPrice the price of one item, in cents
 * @property {number} quantity
 *
 * @typedef {object} Price every amount in cents
 * @property {number} subtotal
 * @property {number} discount
 * @property {number} total
 */

/**
 * Prices an order.
 * @param {OrderLine[]} lines
 * @param {object} [options]
 * @param {boolean} [options.member]
 * @param {string} [options.coupon]
 * @returns {Price}
 */
function priceOrder(lines, { member = false, coupon } = {}) {
  if (!Array.isArray(lines)) throw new TypeError('lines must be an array');
  for (const [i, line] of lines.entries()) {
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      throw new RangeError(`line ${i}: quantity must be a whole number, 1 or more`);
    }
    if (!Number.isInteger(line.unitPrice) || line.unitPrice < 0) {
      throw new RangeError(`line ${i}: unitPrice must be a whole number of cents, 0 or more`);
    }
  }
  if (coupon !== undefined && !Object.hasOwn(COUPONS, coupon)) throw new RangeError(`unknown coupon "${coupon}"`);

  let subtotal = 0;
  let total = 0;
  for (const { unitPrice, quantity } of lines) subtotal += unitPrice * quantity;
  // MUTANT: one line of 10 or more discounts the whole order
  const bulk = lines.some((line) => line.quantity >= BULK_QUANTITY);
  total = bulk ? subtotal - percentOf(subtotal, BULK_PERCENT) : subtotal;
  if (member) total -= percentOf(total, MEMBER_PERCENT);
  if (coupon !== undefined) total = Math.max(0, total - COUPONS[coupon]);
  return { subtotal, discount: subtotal - total, total };
}

module.exports = { priceOrder, BULK_QUANTITY, BULK_PERCENT, MEMBER_PERCENT, COUPONS };
