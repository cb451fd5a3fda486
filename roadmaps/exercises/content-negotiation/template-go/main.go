// The program (done for you): listens on HOST:PORT and serves the handler from cities.go.
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	addr := getenv("HOST", "127.0.0.1") + ":" + getenv("PORT", "8080")
	log.Printf("Listening on http://%s/cities; try: curl -i -H 'Accept: text/csv' http://%s/cities", addr, addr)
	log.Fatal(http.ListenAndServe(addr, newHandler()))
}

func getenv(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}
