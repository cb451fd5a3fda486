package main

// Cache-aside in front of the slow product database (product_db.go). This is the file you write.
// Keys are keyPrefix + id, e.g. "product:1"; values are the product as JSON.

import (
	"context"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

type ProductCache struct {
	rdb       *redis.Client
	db        *ProductDB
	keyPrefix string        // REDIS_KEY_PREFIX + "product:"
	ttl       time.Duration // CACHE_TTL_SECONDS
	missTTL   time.Duration // CACHE_MISS_TTL_SECONDS
}

func (c *ProductCache) keyFor(id int) string {
	return c.keyPrefix + strconv.Itoa(id)
}

// GetProduct returns the product, or nil when there is no such product.
func (c *ProductCache) GetProduct(ctx context.Context, id int) (*Product, error) {
	// TODO: cache-aside.
	//   1. GET the key from Redis (c.rdb.Get(ctx, c.keyFor(id))). If there is a value that
	//      parses as JSON, return it (a hit: the database is not called at all, and the key's TTL
	//      is left as it is). The value may be null: a miss remembered from before.
	//   2. Otherwise (redis.Nil: no key; or a value that is not valid JSON) read the database.
	//      SET the product as JSON with a TTL of c.ttl, or, when there is no such product, the
	//      JSON null with a TTL of c.missTTL. Then return it.
	return c.db.FindProduct(id), nil
}

// UpdateProduct saves the fields and returns the saved product, nil when there is no such product,
// or the database's error (ErrInvalidProduct) when it refused the fields.
func (c *ProductCache) UpdateProduct(ctx context.Context, id int, fields ProductUpdate) (*Product, error) {
	product, err := c.db.SaveProduct(id, fields)
	if err != nil {
		return nil, err
	}
	// TODO: invalidate: DEL the cached key, so the next GetProduct reads the new row.
	return product, nil
}
