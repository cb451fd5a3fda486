// The "database" (done for you): an in-memory product table that waits 100 ms per call, like a slow
// source, and counts its calls so GET /stats (and the tests) can see whether the cache saved a trip.
export interface Product {
  id: number;
  name: string;
  priceCents: number;
}

/** The fields an update may change; a field left out keeps its value. */
export interface ProductFields {
  name?: unknown;
  priceCents?: unknown;
}

export class InvalidProductError extends Error {}

export interface ProductDb {
  calls: { findProduct: number; saveProduct: number };
  /** The product with this id, or null when there is none. */
  findProduct(id: number): Promise<Product | null>;
  /**
   * Saves the fields (name, priceCents) and returns the saved product, or null when there is no
   * such product. Throws InvalidProductError, and saves nothing, when a field is invalid.
   */
  saveProduct(id: number, fields: ProductFields): Promise<Product | null>;
}

export function createProductDb(rows: Product[] = defaultProducts(), { delayMs = 100 } = {}): ProductDb {
  const table = new Map(rows.map((p) => [p.id, { ...p }]));
  const calls = { findProduct: 0, saveProduct: 0 };
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, delayMs));

  return {
    calls,
    async findProduct(id) {
      calls.findProduct++;
      await pause();
      const row = table.get(Number(id));
      return row ? { ...row } : null; // a copy, like a real driver returns a fresh object
    },
    async saveProduct(id, fields) {
      calls.saveProduct++;
      await pause();
      const row = table.get(Number(id));
      if (!row) return null;
      const { name = row.name, priceCents = row.priceCents } = fields ?? {};
      if (typeof name !== 'string' || name.trim() === '') throw new InvalidProductError('name must be a non-empty string');
      if (typeof priceCents !== 'number' || !Number.isInteger(priceCents) || priceCents < 0)
        throw new InvalidProductError('priceCents must be a whole number of cents, 0 or more');
      Object.assign(row, { name, priceCents });
      return { ...row };
    },
  };
}

export function defaultProducts(): Product[] {
  return [
    { id: 1, name: 'Kettle', priceCents: 2999 },
    { id: 2, name: 'Teapot', priceCents: 1999 },
    { id: 3, name: 'Mug', priceCents: 899 },
  ];
}
