package main

// Full-text search over articles. db is a pgx pool: db.Query(ctx, sql, q). q is what the user typed
// (never empty), for example: running shoes   "connection pool" -redis

import (
	"context"

	"github.com/jackc/pgx/v5"
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
	// q goes to the server as an argument of its own, so quotes in it are just characters to search
	// for; websearch_to_tsquery accepts any text without a syntax error.
	rows, err := db.Query(ctx, `
		SELECT id, title
		  FROM articles, websearch_to_tsquery('english', $1) AS query
		 WHERE search @@ query
		 ORDER BY ts_rank(search, query) DESC, id
		 LIMIT 10`, q)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Hit])
}
