// The "database" (done for you): an in-memory product table that waits 100 ms per call, like a slow
// source, and counts its calls so GET /stats (and the tests) can see whether the cache saved a trip.
class InvalidProductError extends Error {}

function createProductDb(rows = defaultProducts(), { delayMs = 100 } = {}) {
  const table = new Map(rows.map((p) => [p.id, { ...p }]));
  const calls = { findProduct: 0, saveProduct: 0 };
  const pause = () => new Promise((resolve) => setTimeout(resolve, delayMs));

  return {
    calls,
    // The product with this id, or null when there is none.
    async findProduct(id) {
      calls.findProduct++;
      await pause();
      const row = table.get(Number(id));
      return row ? { ...row } : null; // a copy, like a real driver returns a fresh object
    },
    // Saves the fields (name, priceCents) and returns the saved product, or null when there is no
    // such product. Throws InvalidProductError, and saves nothing, when a field is invalid.
    async saveProduct(id, fields) {
      calls.saveProduct++;
      await pause();
      const row = table.get(Number(id));
      if (!row) return null;
      const { name = row.name, priceCents = row.priceCents } = fields ?? {};
      if (typeof name !== 'string' || name.trim() === '') throw new InvalidProductError('name must be a non-empty string');
      if (!Number.isInteger(priceCents) || priceCents < 0)
        throw new InvalidProductError('priceCents must be a whole number of cents, 0 or more');
      Object.assign(row, { name, priceCents });
      return { ...row };
    },
  };
}

function defaultProducts() {
  return [
    { id: 1, name: 'Kettle', priceCents: 2999 },
    { id: 2, name: 'Teapot', priceCents: 1999 },
    { id: 3, name: 'Mug', priceCents: 899 },
  ];
}

module.exports = { createProductDb, defaultProducts, InvalidProductError };
