package main

// Cache-aside in front of the slow product database (product_db.go).
// Keys are keyPrefix + id, e.g. "product:1"; values are the product as JSON.

import (
	"context"
	"encoding/json"
	"errors"
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
	key := c.keyFor(id)
	cached, err := c.rdb.Get(ctx, key).Result()
	switch {
	case err == nil:
		// "null" decodes to a nil pointer: a remembered miss. A plain GET leaves the TTL alone.
		var product *Product
		if json.Unmarshal([]byte(cached), &product) == nil {
			return product, nil
		}
		// Not valid JSON: a miss, overwritten below.
	case !errors.Is(err, redis.Nil):
		return nil, err
	}

	product := c.db.FindProduct(id)
	ttl := c.ttl
	if product == nil {
		ttl = c.missTTL // remembered briefly: the product may be created soon
	}
	value, err := json.Marshal(product)
	if err != nil {
		return nil, err
	}
	if err := c.rdb.Set(ctx, key, value, ttl).Err(); err != nil {
		return nil, err
	}
	return product, nil
}

// UpdateProduct saves the fields and returns the saved product, nil when there is no such product,
// or the database's error (ErrInvalidProduct) when it refused the fields.
func (c *ProductCache) UpdateProduct(ctx context.Context, id int, fields ProductUpdate) (*Product, error) {
	// Save first: if the database refuses, the cache is left alone. Then delete rather than
	// overwrite, so the next read fetches the truth even if updates race.
	product, err := c.db.SaveProduct(id, fields)
	if err != nil {
		return nil, err
	}
	if err := c.rdb.Del(ctx, c.keyFor(id)).Err(); err != nil {
		return nil, err
	}
	return product, nil
}
