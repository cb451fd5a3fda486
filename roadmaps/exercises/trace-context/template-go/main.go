// A tiny shop (done for you). Your work is in tracecontext.go.
//
// GET /hello      answers with its own trace id and span id.
// GET /inventory  the same, plus the traceparent and tracestate headers it received.
// GET /checkout   calls GET /inventory on this same server, over HTTP, as if it were another
//
//	service, passing the trace on; answers with both answers.
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"time"
)

func main() {
	// The checks start the program with PORT and HOST set. Stdout is for the JSON log lines only,
	// so the log package (stderr) gets the startup message.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	server := &http.Server{Addr: addr, Handler: withTracing(newMux("http://" + addr)), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Listening on http://%s; try: curl -i http://%s/checkout", addr, addr)
	log.Fatal(server.ListenAndServe())
}

// newMux builds the routes; withTracing wraps all of them, so every request has a span.
func newMux(self string) *http.ServeMux {
	client := &http.Client{Timeout: 5 * time.Second}
	mux := http.NewServeMux()

	mux.HandleFunc("GET /hello", func(w http.ResponseWriter, r *http.Request) {
		span := spanFrom(r.Context())
		writeJSON(w, http.StatusOK, map[string]any{"message": "hello", "trace_id": span.TraceID, "span_id": span.SpanID})
	})

	mux.HandleFunc("GET /inventory", func(w http.ResponseWriter, r *http.Request) {
		span := spanFrom(r.Context())
		received := map[string]any{"traceparent": headerOrNil(r, "traceparent"), "tracestate": headerOrNil(r, "tracestate")}
		writeJSON(w, http.StatusOK, map[string]any{
			"item": "book", "in_stock": 3, "trace_id": span.TraceID, "span_id": span.SpanID, "received": received,
		})
	})

	mux.HandleFunc("GET /checkout", func(w http.ResponseWriter, r *http.Request) {
		span := spanFrom(r.Context())
		ids := map[string]any{"trace_id": span.TraceID, "span_id": span.SpanID}
		req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, self+"/inventory", nil)
		if err != nil {
			ids["error"] = err.Error()
			writeJSON(w, http.StatusInternalServerError, ids)
			return
		}
		setOutgoingHeaders(req.Header, span)
		resp, err := client.Do(req)
		if err != nil {
			ids["error"] = "inventory unreachable: " + err.Error()
			writeJSON(w, http.StatusBadGateway, ids)
			return
		}
		defer resp.Body.Close()
		var inventory map[string]any
		if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&inventory) != nil {
			ids["error"] = fmt.Sprintf("inventory answered %d", resp.StatusCode)
			writeJSON(w, http.StatusBadGateway, ids)
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"order": "placed", "trace_id": span.TraceID, "span_id": span.SpanID, "inventory": inventory})
	})

	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		span := spanFrom(r.Context())
		writeJSON(w, http.StatusNotFound, map[string]any{
			"error": "No route for " + r.Method + " " + r.URL.Path, "trace_id": span.TraceID, "span_id": span.SpanID,
		})
	})
	return mux
}

// headerOrNil is the header's value, or nil (JSON null) when the request has none.
func headerOrNil(r *http.Request, name string) any {
	if values := r.Header.Values(name); len(values) > 0 {
		return values[0]
	}
	return nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
