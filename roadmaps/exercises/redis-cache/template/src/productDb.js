// A stand-in for a slow database: an in-memory table with an artificial delay, and a call counter
// so the tests can see whether the cache saved a trip.
function createProductDb(rows = defaultProducts(), { delayMs = 100 } = {}) {
  const table = new Map(rows.map((p) => [p.id, { ...p }]));
  const calls = { findProduct: 0, saveProduct: 0 };
  const pause = () => new Promise((resolve) => setTimeout(resolve, delayMs));

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
      Object.assign(row, fields, { id: row.id });
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

module.exports = { createProductDb, defaultProducts };
