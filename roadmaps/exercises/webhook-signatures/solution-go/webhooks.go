// Receiving signed webhooks. Read README.md first; it lists every rule the check tests.
//
// The sender signs each delivery: Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>
// where the HMAC (key: the shared secret) is over t + "." + the raw body.
package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// parseHeader returns t and the v1 values, or ok=false when the header is missing or malformed.
func parseHeader(header string) (t int64, v1 []string, ok bool) {
	if header == "" {
		return 0, nil, false
	}
	seenT := false
	for _, part := range strings.Split(header, ",") {
		key, value, found := strings.Cut(part, "=")
		if !found {
			return 0, nil, false
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		switch key {
		case "t":
			if seenT || value == "" || strings.Trim(value, "0123456789") != "" {
				return 0, nil, false
			}
			parsed, err := strconv.ParseInt(value, 10, 64)
			if err != nil {
				return 0, nil, false
			}
			t, seenT = parsed, true
		case "v1":
			v1 = append(v1, value)
		}
	}
	return t, v1, seenT && len(v1) > 0
}

// verifySignature says whether a delivery is authentic and fresh: "" when it is, otherwise the
// reason it is not. header is "" when the header was not sent; now is in Unix seconds.
func verifySignature(header string, rawBody []byte, secret string, toleranceSeconds, now int64) string {
	t, candidates, ok := parseHeader(header)
	if !ok {
		return "Webhook-Signature must be t=<unix seconds>,v1=<hex signature>"
	}
	if diff := now - t; diff > toleranceSeconds || -diff > toleranceSeconds {
		return fmt.Sprintf("The timestamp is more than %d s away from now", toleranceSeconds)
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(strconv.FormatInt(t, 10) + "."))
	mac.Write(rawBody)
	expected := []byte(hex.EncodeToString(mac.Sum(nil)))
	for _, candidate := range candidates {
		// hmac.Equal is constant-time for equal lengths, and false for different ones.
		if hmac.Equal([]byte(candidate), expected) {
			return ""
		}
	}
	return "No v1 signature matches"
}

// WebhookHandler answers POST /webhooks.
type WebhookHandler struct {
	Secret           string
	ToleranceSeconds int64
	Now              func() int64               // Unix seconds; WEBHOOK_NOW when it is set
	OnEvent          func(event map[string]any) // applies an accepted event (done for you); once per event id

	mu       sync.Mutex
	accepted map[string]int64 // event id -> when it was accepted
}

// Handle returns the status and the JSON body of the answer to one delivery.
func (h *WebhookHandler) Handle(header string, rawBody []byte) (int, map[string]any) {
	now := h.Now()
	if reason := verifySignature(header, rawBody, h.Secret, h.ToleranceSeconds, now); reason != "" {
		return http.StatusBadRequest, map[string]any{"error": reason}
	}
	var event map[string]any
	if err := json.Unmarshal(rawBody, &event); err != nil || event == nil {
		return http.StatusBadRequest, map[string]any{"error": "The body is not a JSON object"}
	}
	id, isString := event["id"].(string)
	if !isString {
		return http.StatusBadRequest, map[string]any{"error": "The event needs a string id"}
	}

	h.mu.Lock()
	if h.accepted == nil {
		h.accepted = map[string]int64{}
	}
	// Twice the tolerance is plenty: anything older fails the timestamp check first.
	for seen, at := range h.accepted {
		if now-at > 2*h.ToleranceSeconds {
			delete(h.accepted, seen)
		}
	}
	_, duplicate := h.accepted[id]
	if !duplicate {
		h.accepted[id] = now
	}
	h.mu.Unlock()

	if duplicate {
		return http.StatusOK, map[string]any{"received": true, "duplicate": true}
	}
	h.OnEvent(event)
	return http.StatusOK, map[string]any{"received": true}
}
