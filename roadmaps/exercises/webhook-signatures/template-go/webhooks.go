// Receiving signed webhooks. Read README.md first; it lists every rule the check tests.
//
// The sender signs each delivery: Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>
// where the HMAC (key: the shared secret) is over t + "." + the raw body.
package main

import (
	"encoding/json"
	"net/http"
	"sync"
)

// verifySignature says whether a delivery is authentic and fresh: "" when it is, otherwise the
// reason it is not. header is "" when the header was not sent; now is in Unix seconds.
func verifySignature(header string, rawBody []byte, secret string, toleranceSeconds, now int64) string {
	// TODO 1: parse the header: comma-separated key=value pairs; one t (digits only), one or more v1.
	//   Missing or malformed: a reason.
	// TODO 2: |now - t| must be at most toleranceSeconds (too old: a replay; too far ahead: forged).
	// TODO 3: expected = HMAC-SHA256(secret, t + "." + rawBody) as hex (crypto/hmac, crypto/sha256,
	//   encoding/hex). Fine when one of the v1 values equals it, compared in constant time (hmac.Equal).
	return ""
}

// WebhookHandler answers POST /webhooks.
type WebhookHandler struct {
	Secret           string
	ToleranceSeconds int64
	Now              func() int64               // Unix seconds; WEBHOOK_NOW when it is set
	OnEvent          func(event map[string]any) // applies an accepted event (done for you); once per event id

	mu sync.Mutex // requests run concurrently: guard what you remember
	// TODO 4: remember the ids of accepted events (for at least ToleranceSeconds: older deliveries
	//   fail the timestamp check anyway), so a replay or a retry is not applied twice.
}

// Handle returns the status and the JSON body of the answer to one delivery.
func (h *WebhookHandler) Handle(header string, rawBody []byte) (int, map[string]any) {
	// TODO 5: verify first (400 {"error": ...} when not fine); only then parse the JSON (400 when it
	//   is not an object with a string id); an id seen before: 200 {"received": true, "duplicate":
	//   true} without calling OnEvent; otherwise remember the id, call OnEvent and answer 200
	//   {"received": true}.
	var event map[string]any
	if err := json.Unmarshal(rawBody, &event); err != nil {
		return http.StatusBadRequest, map[string]any{"error": "The body is not JSON"}
	}
	h.OnEvent(event)
	return http.StatusOK, map[string]any{"received": true}
}
