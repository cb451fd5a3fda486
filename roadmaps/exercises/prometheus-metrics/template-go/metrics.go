package main

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// buckets are the histogram's bucket bounds, in seconds (see the README).
var buckets = []float64{0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6}

// metrics holds the app's registry and its three metrics.
type metrics struct {
	registry *prometheus.Registry
	// TODO 1: the three metrics (see newMetrics).
}

// newMetrics creates the registry and registers the three metrics in it.
func newMetrics() *metrics {
	m := &metrics{registry: prometheus.NewRegistry()}
	// TODO 1: create and register (m.registry.MustRegister) the three metrics:
	//   - a CounterVec   http_requests_total            labels method, route, status
	//   - a HistogramVec http_request_duration_seconds  labels method, route, status; Buckets: buckets
	//   - a Gauge        http_requests_in_flight        no labels
	return m
}

// instrument wraps one route's handler: route is its template ("/api/books/{id}"), or "unmatched".
// The gauge goes up when a request arrives; when the handler returns, the gauge goes down and the
// request is counted and its duration observed in seconds, with method, route and status.
func (m *metrics) instrument(route string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// TODO 2: start a timer (time.Now()), bump the gauge, and call next with a ResponseWriter
		// wrapper that remembers the status passed to WriteHeader (200 if the handler never calls it).
		next.ServeHTTP(w, r)
	})
}

// handler serves GET /metrics: the registry in Prometheus' text format.
func (m *metrics) handler() http.Handler {
	// TODO 3: promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{}).
	_ = promhttp.HandlerFor
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "TODO: /metrics", http.StatusNotImplemented)
	})
}
