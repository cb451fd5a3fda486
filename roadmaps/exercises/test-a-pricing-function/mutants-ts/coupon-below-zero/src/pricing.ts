// The price calculator of a small shop. This code is correct and complete: leave it as it is. Your
// job is the tests in test/pricing.test.ts, which must pin down every rule below so firmly that a
// bug slipped into this file would make one of them fail.
//
// All amounts are whole cents (1250 is 12.50 €), so nothing is lost to floating point.

/** A line of 10 or more of the same item is 10% cheaper. */
export const BULK_QUANTITY = 10;
export const BULK_PERCENT = 10;
/** Members get 5% off the order, after bulk discounts. */
export const MEMBER_PERCENT = 5;
/** Coupon codes and the cents they take off, last of all (never below zero). */
export const COUPONS: Readonly<Record<string, number>> = { SAVE5: 500 };

export interface OrderLine {
  /** The price of one item, in cents. */
  unitPrice: number;
  quantity: number;
}

export interface PriceOptions {
  member?: boolean;
  coupon?: string;
}

export interface Price {
  subtotal: number;
  discount: number;
  total: number;
}

/** `percent`% of `amount`, rounded to the nearest cent (halves up). */
function percentOf(amount: number, percent: number): number {
  return Math.round((amount * percent) / 100);
}

/** Prices an order; every amount is in cents. */
export function priceOrder(lines: readonly OrderLine[], { member = false, coupon }: PriceOptions = {}): Price {
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
  const off = coupon === undefined ? 0 : (COUPONS[coupon] ?? 0);

  let subtotal = 0;
  let total = 0;
  for (const { unitPrice, quantity } of lines) {
    const lineTotal = unitPrice * quantity;
    subtotal += lineTotal;
    total += quantity >= BULK_QUANTITY ? lineTotal - percentOf(lineTotal, BULK_PERCENT) : lineTotal;
  }
  if (member) total -= percentOf(total, MEMBER_PERCENT);
  if (coupon !== undefined) total = total - off; // MUTANT: no floor at zero
  return { subtotal, discount: subtotal - total, total };
}
