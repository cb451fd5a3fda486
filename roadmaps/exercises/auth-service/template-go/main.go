// The authentication service: main reads the settings and starts it; the routes are in app.go,
// passwords in passwords.go (milestone 1), tokens and sessions in tokens.go (milestones 2 and 3),
// the middlewares in auth.go (milestones 2, 3 and 5), the login limits in limiter.go (milestone 4)
// and the users in users.go.
package main

import (
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

// devSecret is for trying the service by hand only: a real secret comes from configuration, never
// the code. The checks set JWT_SECRET to their own.
const devSecret = "dev-only-secret-change-me-0123456789abcdef"

func main() {
	s := settings{
		secret:             getenv("JWT_SECRET", devSecret),
		accessTokenSeconds: atoi(getenv("ACCESS_TOKEN_SECONDS", "900")),
		loginWindow:        time.Duration(atoi(getenv("LOGIN_WINDOW_SECONDS", "900"))) * time.Second,
		adminEmails:        map[string]bool{},
	}
	for _, e := range strings.Split(os.Getenv("ADMIN_EMAILS"), ",") {
		if e = strings.ToLower(strings.TrimSpace(e)); e != "" {
			s.adminEmails[e] = true
		}
	}
	// The checks start the program with PORT (and HOST) set, then wait until it listens there.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	server := &http.Server{Addr: addr, Handler: newApp(s), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Listening on http://%s (try: curl -i %s/health)", addr, addr)
	log.Fatal(server.ListenAndServe())
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func atoi(text string) int {
	n, err := strconv.Atoi(text)
	if err != nil {
		log.Fatalf("not a whole number: %q", text)
	}
	return n
}
