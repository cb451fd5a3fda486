// The to-do API: main starts it; the routes are in app.go, the checks in validation.go (milestones 3
// and 4) and auth.go (milestone 5), the to-dos in store.go.
package main

import (
	"log"
	"net"
	"net/http"
	"os"
	"time"
)

// devSecret is for trying the API by hand only: a real secret comes from configuration, never the
// code. The checks set JWT_SECRET to their own.
const devSecret = "dev-only-secret-change-me-0123456789abcdef"

func main() {
	secret := os.Getenv("JWT_SECRET")
	if secret == "" {
		secret = devSecret
	}
	// The checks start the program with PORT (and HOST) set, then wait until it listens there.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	server := &http.Server{Addr: addr, Handler: newApp(secret), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Listening on http://%s (try: curl -i %s/health)", addr, addr)
	log.Fatal(server.ListenAndServe())
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
