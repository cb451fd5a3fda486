// A GraphQL API for books and authors, on net/http and github.com/graphql-go/graphql. The schema and
// its resolvers are in schema.go, the batching loader in loader.go. This file is done for you.
package main

import (
	"encoding/json"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/graphql-go/graphql"
)

func main() {
	schema, err := newSchema()
	if err != nil {
		log.Fatalf("the schema is not valid: %v", err)
	}
	// The checks start the program with PORT (and HOST) set, then wait until it listens there.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	server := &http.Server{
		Addr:              addr,
		Handler:           newHandler(schema, newDB()),
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Printf("GraphQL endpoint on http://%s/graphql", addr)
	log.Fatal(server.ListenAndServe())
}

// graphQLRequest is the body of POST /graphql.
type graphQLRequest struct {
	Query         string         `json:"query"`
	Variables     map[string]any `json:"variables"`
	OperationName string         `json:"operationName"`
}

func newHandler(schema graphql.Schema, db *DB) http.Handler {
	mux := http.NewServeMux()

	mux.HandleFunc("POST /graphql", func(w http.ResponseWriter, r *http.Request) {
		var body graphQLRequest
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&body); err != nil || body.Query == "" {
			message := map[string]string{"message": `The body must be JSON: {"query": "...", "variables": {...}}`}
			writeJSON(w, http.StatusBadRequest, map[string]any{"errors": []map[string]string{message}})
			return
		}
		// A fresh request context (and so fresh loaders) for every HTTP request.
		result := graphql.Do(graphql.Params{
			Schema:         schema,
			RequestString:  body.Query,
			VariableValues: body.Variables,
			OperationName:  body.OperationName,
			Context:        withRequest(r.Context(), newRequest(db)),
		})
		// The answer is {"data": ..., "errors": [...]}; errors are part of it, so the status stays 200.
		writeJSON(w, http.StatusOK, result)
	})

	// What the data source counted itself: how often the author source was called, for how many ids.
	mux.HandleFunc("GET /stats", func(w http.ResponseWriter, r *http.Request) {
		stats := db.Stats()
		writeJSON(w, http.StatusOK, map[string]int{
			"authorQueries":      stats.AuthorQueries,
			"authorIdsRequested": stats.AuthorIDsRequested,
		})
	})
	return mux
}

func getenv(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

// writeJSON answers with status and v encoded as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("writing the response: %v", err)
	}
}
