// Cache-aside in front of a slow product database.
//   redis: a connected node-redis client (createClient(...).connect()), or anything with these commands
//   db:    { findProduct(id), saveProduct(id, fields) }, see productDb.ts
// Keys are `${keyPrefix}${id}`, e.g. "product:1"; values are the product as JSON.
import type { Product, ProductDb, ProductFields } from './productDb';

/** The Redis commands the cache needs. A node-redis client has them (and many more). */
export interface CacheRedis {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, options: { expiration: { type: 'EX'; value: number } }): Promise<unknown>;
  del(key: string): Promise<number>;
}

export interface ProductCacheOptions {
  redis: CacheRedis;
  db: ProductDb;
  keyPrefix?: string;
  ttlSeconds?: number;
  missTtlSeconds?: number;
}

export interface ProductCache {
  getProduct(id: number): Promise<Product | null>;
  updateProduct(id: number, fields: ProductFields): Promise<Product | null>;
  keyFor(id: number): string;
}

export function createProductCache({ redis, db, keyPrefix = 'product:', ttlSeconds = 60, missTtlSeconds = 5 }: ProductCacheOptions): ProductCache {
  const keyFor = (id: number) => `${keyPrefix}${id}`;

  async function getProduct(id: number): Promise<Product | null> {
    const key = keyFor(id);
    const cached = await redis.get(key);
    if (cached !== null) {
      try {
        // A plain GET leaves the TTL alone: the entry still expires ttlSeconds after the database read.
        return JSON.parse(cached) as Product | null;
      } catch {
        // A corrupt entry is only a miss: fall through, read the database and overwrite it.
      }
    }
    const product = await db.findProduct(id);
    // A missing product is remembered too (as null), but briefly: it may be created soon.
    const ttl = product ? ttlSeconds : missTtlSeconds;
    // The TTL bounds how long a missed invalidation can serve stale data.
    await redis.set(key, JSON.stringify(product), { expiration: { type: 'EX', value: ttl } });
    return product;
  }

  async function updateProduct(id: number, fields: ProductFields): Promise<Product | null> {
    // Write the database first, then delete (not update) the key: the next read refills it from
    // the source of truth, so two racing writers cannot leave an old value cached. If the write
    // throws, the cache is untouched.
    const product = await db.saveProduct(id, fields);
    await redis.del(keyFor(id));
    return product;
  }

  return { getProduct, updateProduct, keyFor };
}
