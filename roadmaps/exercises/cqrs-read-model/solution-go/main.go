// A bank API split in two: commands on the write side (writeside.go), queries on the read side
// (readside.go), the log and the queue between them in eventlog.go.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"log"
	"net"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"time"
)

func main() {
	// The checks start the program with PORT and HOST set, PROJECTION_DELAY_MS=500 (so that the read
	// side visibly lags behind the write side) and READ_WAIT_MS=1500.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	delay := time.Duration(envInt("PROJECTION_DELAY_MS", 200)) * time.Millisecond
	readWait := time.Duration(envInt("READ_WAIT_MS", 2000)) * time.Millisecond
	server := &http.Server{Addr: addr, Handler: newHandler(delay, readWait), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Listening on http://%s (read side %v behind, queries wait up to %v)", addr, delay, readWait)
	log.Fatal(server.ListenAndServe())
}

var (
	countPattern = regexp.MustCompile(`^\d{1,15}$`)
	wholePattern = regexp.MustCompile(`^-?\d{1,15}$`)
)

func newHandler(delay, readWait time.Duration) http.Handler {
	readSide := NewReadSide()
	eventLog := NewEventLog(delay, readSide.Apply)
	writeSide := NewWriteSide(eventLog)
	mux := http.NewServeMux()

	// ---- The write side: commands only ----
	mux.HandleFunc("POST /commands/{name}", func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		decoder := json.NewDecoder(r.Body)
		decoder.UseNumber()
		if err := decoder.Decode(&body); err != nil || body == nil {
			writeJSON(w, 400, map[string]any{"error": "invalid_command", "message": "The body must be a JSON object"})
			return
		}
		events, err := writeSide.Handle(r.PathValue("name"), body)
		var refused *CommandError
		if errors.As(err, &refused) {
			writeJSON(w, refused.Status, map[string]any{"error": refused.Code, "message": refused.Message})
			return
		}
		writeJSON(w, 202, map[string]any{"position": events[len(events)-1].Position, "events": events})
	})

	// ---- The read side: queries only, answered from the projection ----

	// caughtUp waits for ?min_position when there is one; false when the answer has been sent already.
	caughtUp := func(w http.ResponseWriter, r *http.Request) bool {
		if !r.URL.Query().Has("min_position") {
			return true
		}
		raw := r.URL.Query().Get("min_position")
		if !countPattern.MatchString(raw) {
			writeJSON(w, 400, map[string]any{"error": "invalid_query", "message": "min_position must be a whole number"})
			return false
		}
		min, _ := strconv.ParseInt(raw, 10, 64)
		if readSide.WaitFor(min, readWait) {
			return true
		}
		writeJSON(w, 409, map[string]any{"error": "stale", "position": readSide.Position()})
		return false
	}

	mux.HandleFunc("GET /accounts", func(w http.ResponseWriter, r *http.Request) {
		var minBalance *int64
		if r.URL.Query().Has("min_balance") {
			raw := r.URL.Query().Get("min_balance")
			if !wholePattern.MatchString(raw) {
				writeJSON(w, 400, map[string]any{"error": "invalid_query", "message": "min_balance must be a whole number"})
				return
			}
			v, _ := strconv.ParseInt(raw, 10, 64)
			minBalance = &v
		}
		if !caughtUp(w, r) {
			return
		}
		rows, position := readSide.List(minBalance)
		writeJSON(w, 200, map[string]any{"position": position, "accounts": rows})
	})

	mux.HandleFunc("GET /accounts/{id}", func(w http.ResponseWriter, r *http.Request) {
		if !caughtUp(w, r) {
			return
		}
		a, position, ok := readSide.Account(r.PathValue("id"))
		if !ok {
			writeJSON(w, 404, map[string]any{"error": "account_not_found", "position": position})
			return
		}
		writeJSON(w, 200, map[string]any{"position": position, "accountId": a.AccountID, "owner": a.Owner, "balance": a.Balance})
	})

	mux.HandleFunc("GET /accounts/{id}/statement", func(w http.ResponseWriter, r *http.Request) {
		if !caughtUp(w, r) {
			return
		}
		a, lines, position, ok := readSide.Statement(r.PathValue("id"))
		if !ok {
			writeJSON(w, 404, map[string]any{"error": "account_not_found", "position": position})
			return
		}
		writeJSON(w, 200, map[string]any{
			"position": position, "accountId": a.AccountID, "owner": a.Owner, "balance": a.Balance, "lines": lines,
		})
	})

	mux.HandleFunc("POST /admin/rebuild", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]any{"position": readSide.Rebuild(eventLog.All())})
	})

	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 404, map[string]any{"error": "not_found", "message": "No route for " + r.Method + " " + r.URL.Path})
	})
	return mux
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(body); err != nil {
		http.Error(w, `{"error":"internal"}`, 500)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func envInt(name string, fallback int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return fallback
}
