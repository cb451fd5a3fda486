// The program (done for you): listens on HOST:PORT and serves the API from app.go.
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	addr := getenv("HOST", "127.0.0.1") + ":" + getenv("PORT", "8080")
	origins := parseOrigins(os.Getenv("CORS_ORIGINS"))
	log.Printf("Listening on http://%s/api/items; allowed origins (CORS_ORIGINS): %q", addr, origins)
	log.Printf("Try it: curl -i -H 'Origin: https://app.example.com' http://%s/api/items", addr)
	log.Fatal(http.ListenAndServe(addr, newHandler(origins)))
}

func getenv(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}
