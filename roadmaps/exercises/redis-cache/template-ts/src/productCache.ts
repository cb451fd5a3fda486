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
    // TODO: cache-aside.
    //   1. GET the key from Redis. If there is a value that parses as JSON, return it (a hit:
    //      the database is not called at all, and the key's TTL is left as it is). The value
    //      may be null: a miss remembered from before.
    //   2. Otherwise (no key, or a value that is not valid JSON) read the database. SET the
    //      product as JSON with a TTL of ttlSeconds (EX), or, when there is no such product,
    //      the JSON null with a TTL of missTtlSeconds. Then return it.
    return db.findProduct(id);
  }

  async function updateProduct(id: number, fields: ProductFields): Promise<Product | null> {
    const product = await db.saveProduct(id, fields);
    // TODO: invalidate: DEL the cached key, so the next getProduct reads the new row.
    return product;
  }

  return { getProduct, updateProduct, keyFor };
}
