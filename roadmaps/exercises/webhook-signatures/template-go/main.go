// A webhook receiver (done for you):
//
//	POST /webhooks   hands the raw body and the Webhook-Signature header to your handler (webhooks.go)
//	GET /balance     {"balance": cents, "events": n}: what the payment events credited so far
//
// Configuration comes from the environment:
//
//	PORT, HOST                  where to listen (8080, 127.0.0.1)
//	WEBHOOK_SECRET              the secret shared with the sender (required)
//	WEBHOOK_TOLERANCE_SECONDS   how far a timestamp may be from now, either way (300)
//	WEBHOOK_NOW                 pins "now" to these Unix seconds, for tests (unset: the real clock)
package main

import (
	"encoding/json"
	"io"
	"log"
	"math"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"
)

func main() {
	secret := os.Getenv("WEBHOOK_SECRET")
	if secret == "" {
		log.Fatal("Set WEBHOOK_SECRET, the secret the sender signs with.")
	}
	now := func() int64 { return time.Now().Unix() }
	if pinned := os.Getenv("WEBHOOK_NOW"); pinned != "" {
		at, err := strconv.ParseInt(pinned, 10, 64)
		if err != nil {
			log.Fatalf("WEBHOOK_NOW: %v", err)
		}
		now = func() int64 { return at }
	}
	tolerance, err := strconv.ParseInt(getenv("WEBHOOK_TOLERANCE_SECONDS", "300"), 10, 64)
	if err != nil {
		log.Fatalf("WEBHOOK_TOLERANCE_SECONDS: %v", err)
	}

	var mu sync.Mutex
	ledger := struct {
		Balance int64 `json:"balance"`
		Events  int   `json:"events"`
	}{}
	handler := &WebhookHandler{
		Secret:           secret,
		ToleranceSeconds: tolerance,
		Now:              now,
		// What an accepted event does: a payment credits its amount (in cents). Other types are ignored.
		OnEvent: func(event map[string]any) {
			mu.Lock()
			defer mu.Unlock()
			ledger.Events++
			amount, isNumber := event["amount"].(float64)
			if event["type"] == "payment.succeeded" && isNumber && amount == math.Trunc(amount) {
				ledger.Balance += int64(amount)
			}
		},
	}

	mux := http.NewServeMux()
	mux.HandleFunc("POST /webhooks", func(w http.ResponseWriter, r *http.Request) {
		// The body stays bytes, exactly as it arrived: the signature is over these bytes.
		rawBody, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]any{"error": "could not read the body"})
			return
		}
		status, body := handler.Handle(r.Header.Get("Webhook-Signature"), rawBody)
		writeJSON(w, status, body)
	})
	mux.HandleFunc("GET /balance", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		writeJSON(w, http.StatusOK, ledger)
	})

	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	log.Printf("Listening on http://%s/webhooks", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}

func writeJSON(w http.ResponseWriter, status int, value any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(value)
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
