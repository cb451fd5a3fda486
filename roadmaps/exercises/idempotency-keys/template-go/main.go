// POST /payments with idempotency keys, and the routes around it. The store is in idempotency.go,
// the fake card provider in provider.go.
package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"sync"
	"time"
)

const maxKeyLength = 255

var _ = maxKeyLength // TODO 1 uses it

func main() {
	// The checks start the program with PORT and HOST set, and a short IDEMPOTENCY_TTL_MS so that
	// they can watch a key expire. By default a stored answer is kept for a day.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	ttl := time.Duration(envInt("IDEMPOTENCY_TTL_MS", 24*60*60*1000)) * time.Millisecond
	server := &http.Server{Addr: addr, Handler: newHandler(ttl), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Listening on http://%s/payments (idempotency keys kept for %v)", addr, ttl)
	log.Fatal(server.ListenAndServe())
}

// Payment is what a successful POST /payments answers.
type Payment struct {
	ID       string `json:"id"`
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
	Status   string `json:"status"`
}

type paymentRequest struct {
	Amount   int64
	Currency string
	Card     string
}

var currencyPattern = regexp.MustCompile(`^[A-Z]{3}$`)

// parsePayment reads a payment body, or says what is wrong with it.
func parsePayment(body []byte) (paymentRequest, string) {
	decoder := json.NewDecoder(bytes.NewReader(body))
	decoder.UseNumber()
	var fields map[string]any
	if err := decoder.Decode(&fields); err != nil || fields == nil {
		return paymentRequest{}, "The body must be a JSON object"
	}
	number, _ := fields["amount"].(json.Number)
	amount, err := strconv.ParseInt(string(number), 10, 64)
	if err != nil || amount <= 0 {
		return paymentRequest{}, "amount must be a positive integer (in cents)"
	}
	currency, _ := fields["currency"].(string)
	if !currencyPattern.MatchString(currency) {
		return paymentRequest{}, "currency must be three capital letters, like EUR"
	}
	card, _ := fields["card"].(string)
	if card == "" {
		return paymentRequest{}, "card must be a card token, like tok_visa"
	}
	return paymentRequest{amount, currency, card}, ""
}

func newHandler(ttl time.Duration) http.Handler {
	provider := &Provider{}
	store := NewIdempotencyStore(ttl, time.Now)
	var mu sync.Mutex
	payments := map[string][]Payment{} // client id -> its payments, oldest first

	mux := http.NewServeMux()
	mux.HandleFunc("GET /payments", func(w http.ResponseWriter, r *http.Request) {
		clientID := r.Header.Get("X-Client-Id")
		if clientID == "" {
			writeError(w, http.StatusBadRequest, "The X-Client-Id header is required")
			return
		}
		mu.Lock()
		list := append([]Payment{}, payments[clientID]...)
		mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]any{"data": list})
	})

	mux.HandleFunc("POST /payments", func(w http.ResponseWriter, r *http.Request) {
		clientID := r.Header.Get("X-Client-Id")
		key := r.Header.Get("Idempotency-Key")
		// TODO 1: answer 400 with writeError when X-Client-Id is missing or empty, when
		// Idempotency-Key is missing or empty, and when the key is longer than maxKeyLength,
		// before anything else happens.
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			writeError(w, http.StatusBadRequest, "Could not read the body")
			return
		}
		in, problem := parsePayment(body)
		if problem != "" {
			writeError(w, http.StatusBadRequest, problem)
			return
		}

		// TODO 2: claim the key with store.Begin(clientID, key, fingerprint), where fingerprint comes
		// from Fingerprint(body), and answer ClaimMismatch with 422, ClaimInProgress with 409, and
		// ClaimDone with the stored status and body and the header Idempotent-Replayed: true. Only
		// ClaimNew goes on to charge the card.
		_, _ = store, key

		_, err = provider.Charge(in.Amount, in.Currency, in.Card)
		switch {
		case err == nil:
			payment := Payment{ID: "pay_" + randomID(), Amount: in.Amount, Currency: in.Currency, Status: "succeeded"}
			mu.Lock()
			payments[clientID] = append(payments[clientID], payment)
			mu.Unlock()
			// TODO 3: store this answer (StoredResponse{http.StatusCreated, payment}) with
			// store.Complete before sending it.
			writeJSON(w, http.StatusCreated, payment)
		case errors.Is(err, ErrCardDeclined):
			// TODO 3: a declined card is a final answer too: store it.
			writeError(w, http.StatusPaymentRequired, "card_declined")
		default:
			// TODO 4: nothing was charged here. Free the key with store.Release so that a retry can
			// do the work.
			writeError(w, http.StatusServiceUnavailable, "The payment provider is unavailable; retry with the same Idempotency-Key")
		}
	})

	// Controls for the fake provider, so you (and the checks) can see and break it.
	mux.HandleFunc("GET /provider/charges", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]int{"charges": provider.Charges()})
	})
	mux.HandleFunc("POST /provider/outage", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Down bool `json:"down"`
		}
		_ = json.NewDecoder(r.Body).Decode(&in)
		provider.SetDown(in.Down)
		writeJSON(w, http.StatusOK, map[string]bool{"down": in.Down})
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "No route for "+r.Method+" "+r.URL.Path)
	})
	return mux
}

func randomID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
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

// writeJSON answers with status and v encoded as JSON. Headers set before it are kept.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("writing the response: %v", err)
	}
}

// writeError answers with status and { "error": message }.
func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message})
}
