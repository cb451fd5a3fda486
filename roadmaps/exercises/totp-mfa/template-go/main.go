// The HTTP API (done for you): JSON in, JSON out. Your work is in totp.go and mfa.go.
//
//	POST /mfa/enroll  {"user": "ada", "digits": 6}       -> 201 {user, secret, digits, otpauthUrl}
//	POST /mfa/verify  {"user": "ada", "code": "287082"}  -> 200 {"ok": true}, 401, 404 or 429
package main

import (
	"encoding/base32"
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

const issuer = "Backend Roadmap"

// b32 is base32 without "=" padding, as otpauth:// URLs carry it.
var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

func main() {
	// The checks start the program with PORT and HOST set, and MFA_TEST_MODE=1, MFA_MAX_FAILURES=3
	// and MFA_LOCKOUT_SECONDS=300. Without them: port 8080, 5 wrong codes in a row lock an account
	// for 15 minutes, and the real clock is the only clock.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	app := &app{
		mfa:      newMfa(envInt("MFA_MAX_FAILURES", 5), envInt("MFA_LOCKOUT_SECONDS", 900)),
		testMode: os.Getenv("MFA_TEST_MODE") == "1",
	}
	server := &http.Server{Addr: addr, Handler: app.routes(), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("MFA API on http://%s (POST /mfa/enroll, POST /mfa/verify)", addr)
	log.Fatal(server.ListenAndServe())
}

type app struct {
	mfa *mfa
	// In test mode the clock can be set per request with an X-Test-Now header (Unix seconds), and
	// an enrolment may bring its own secret; otherwise both are refused.
	testMode bool
}

func (a *app) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /mfa/enroll", a.enroll)
	mux.HandleFunc("POST /mfa/verify", a.verify)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no route for "+r.Method+" "+r.URL.Path)
	})
	return mux
}

// now is Unix time in seconds: the real clock, or X-Test-Now in test mode.
func (a *app) now(r *http.Request) float64 {
	if header := r.Header.Get("X-Test-Now"); a.testMode && header != "" {
		if seconds, err := strconv.ParseFloat(header, 64); err == nil {
			return seconds
		}
	}
	return float64(time.Now().UnixNano()) / 1e9
}

func (a *app) enroll(w http.ResponseWriter, r *http.Request) {
	var in struct {
		User   string  `json:"user"`
		Secret *string `json:"secret"`
		Digits *int    `json:"digits"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&in); err != nil {
		writeError(w, http.StatusBadRequest, "the body must be a JSON object: "+err.Error())
		return
	}
	if in.User == "" {
		writeError(w, http.StatusBadRequest, "user must be a non-empty string")
		return
	}
	digits := 6
	if in.Digits != nil {
		digits = *in.Digits
	}
	if digits != 6 && digits != 8 {
		writeError(w, http.StatusBadRequest, "digits must be 6 or 8")
		return
	}
	var key []byte
	if in.Secret != nil {
		if !a.testMode {
			writeError(w, http.StatusBadRequest, "the server chooses the secret")
			return
		}
		clean := strings.TrimRight(strings.ToUpper(strings.Join(strings.Fields(*in.Secret), "")), "=")
		decoded, err := b32.DecodeString(clean)
		if err != nil {
			writeError(w, http.StatusBadRequest, "secret must be base32")
			return
		}
		if len(decoded) < 16 {
			writeError(w, http.StatusBadRequest, "secret must be at least 16 bytes (128 bits)")
			return
		}
		key = decoded
	}
	secret, err := a.mfa.enroll(in.User, key, digits)
	if err != nil {
		writeError(w, http.StatusConflict, err.Error())
		return
	}
	encoded := b32.EncodeToString(secret)
	query := url.Values{"secret": {encoded}, "issuer": {issuer}, "algorithm": {"SHA1"}, "digits": {strconv.Itoa(digits)}, "period": {"30"}}
	otpauth := "otpauth://totp/" + url.PathEscape(issuer+":"+in.User) + "?" + query.Encode()
	writeJSON(w, http.StatusCreated, map[string]any{"user": in.User, "secret": encoded, "digits": digits, "otpauthUrl": otpauth})
}

func (a *app) verify(w http.ResponseWriter, r *http.Request) {
	var in struct {
		User *string `json:"user"`
		Code *string `json:"code"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&in); err != nil || in.User == nil || in.Code == nil {
		writeError(w, http.StatusBadRequest, "user and code must be strings")
		return
	}
	result := a.mfa.verify(*in.User, *in.Code, a.now(r))
	switch result.Status {
	case statusOK:
		writeJSON(w, http.StatusOK, map[string]any{"ok": true})
	case statusInvalid:
		writeJSON(w, http.StatusUnauthorized, map[string]any{"ok": false, "error": "invalid code"})
	case statusUnknownUser:
		writeError(w, http.StatusNotFound, *in.User+" has not enrolled")
	case statusLocked:
		w.Header().Set("Retry-After", strconv.Itoa(result.RetryAfter))
		writeJSON(w, http.StatusTooManyRequests, map[string]any{"ok": false, "error": "locked"})
	default:
		writeError(w, http.StatusInternalServerError, fmt.Sprintf("verify returned an unknown status: %+v", result))
	}
}

func getenv(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

func envInt(name string, fallback int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return n
	}
	return fallback
}

// writeJSON answers with status and v encoded as JSON, never cached: these are secrets and codes.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("writing the response: %v", err)
	}
}

func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message})
}
