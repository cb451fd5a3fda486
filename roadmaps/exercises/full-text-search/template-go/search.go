package main

// Full-text search over articles. db is a pgx pool: db.Query(ctx, sql, q). q is what the user typed
// (never empty), for example: running shoes   "connection pool" -redis

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Hit is one matching article.
type Hit struct {
	ID    int    `json:"id"`
	Title string `json:"title"`
}

// Search returns the 10 best matches, ranked with ts_rank on the `search` column, highest first, equal
// ranks by id. The query is read with websearch_to_tsquery('english', q).
func Search(ctx context.Context, db *pgxpool.Pool, q string) ([]Hit, error) {
	// TODO: WHERE search @@ websearch_to_tsquery('english', $1), ORDER BY ts_rank(...) DESC, id, LIMIT 10.
	// Pass q as an argument ($1), never inside the SQL text.
	return nil, errors.New("TODO: Search is not written yet")
}
