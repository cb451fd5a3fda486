// Cache-aside in front of a slow product database.
//   redis: a connected node-redis client (createClient(...).connect())
//   db:    { findProduct(id), saveProduct(id, fields) }, see productDb.js
// Keys are `${keyPrefix}${id}`, e.g. "product:1"; values are the product as JSON.
function createProductCache({ redis, db, keyPrefix = 'product:', ttlSeconds = 60, missTtlSeconds = 5 }) {
  const keyFor = (id) => `${keyPrefix}${id}`;

  async function getProduct(id) {
    const key = keyFor(id);
    const cached = await redis.get(key);
    if (cached !== null) {
      try {
        // A plain GET leaves the TTL alone: the entry still expires ttlSeconds after the database read.
        return JSON.parse(cached);
      } catch {
        // A corrupt entry is only a miss: fall through, read the database and overwrite it.
      }
    }
    const product = await db.findProduct(id);
    // A missing product is remembered too (as null), but briefly: it may be created soon.
    const ttl = product ? ttlSeconds : missTtlSeconds;
    // The TTL bounds how long a missed invalidation can serve stale data.
    // WRONG: no expiry, so a missed invalidation serves stale data forever.
    await redis.set(key, JSON.stringify(product));
    return product;
  }

  async function updateProduct(id, fields) {
    // Write the database first, then delete (not update) the key: the next read refills it from
    // the source of truth, so two racing writers cannot leave an old value cached. If the write
    // throws, the cache is untouched.
    const product = await db.saveProduct(id, fields);
    await redis.del(keyFor(id));
    return product;
  }

  return { getProduct, updateProduct, keyFor };
}

module.exports = { createProductCache };
