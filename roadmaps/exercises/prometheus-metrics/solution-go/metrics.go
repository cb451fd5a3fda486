package main

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// buckets are the histogram's bucket bounds, in seconds (see the README).
var buckets = []float64{0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6}

// metrics holds the app's registry and its three metrics.
type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	inFlight prometheus.Gauge
}

// newMetrics creates the registry and registers the three metrics in it.
func newMetrics() *metrics {
	labels := []string{"method", "route", "status"}
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "http_requests_total",
			Help: "HTTP requests handled, by method, route template and status.",
		}, labels),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "http_request_duration_seconds",
			Help:    "Time from a request arriving to its handler returning, in seconds.",
			Buckets: buckets,
		}, labels),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "http_requests_in_flight",
			Help: "HTTP requests being handled right now.",
		}),
	}
	m.registry.MustRegister(m.requests, m.duration, m.inFlight)
	return m
}

// statusRecorder remembers the status a handler sent. A handler that writes a body without
// calling WriteHeader sends 200, hence the default.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(status int) {
	s.status = status
	s.ResponseWriter.WriteHeader(status)
}

// instrument wraps one route's handler: route is its template ("/api/books/{id}"), or "unmatched".
// The gauge goes up when a request arrives; when the handler returns, the gauge goes down and the
// request is counted and its duration observed in seconds, with method, route and status.
func (m *metrics) instrument(route string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		started := time.Now()
		m.inFlight.Inc()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		// Deferred, so a handler that panics is still taken off the gauge (net/http recovers the panic).
		defer func() {
			m.inFlight.Dec()
			labels := prometheus.Labels{"method": r.Method, "route": route, "status": strconv.Itoa(rec.status)}
			m.requests.With(labels).Inc()
			m.duration.With(labels).Observe(time.Since(started).Seconds())
		}()
		next.ServeHTTP(rec, r)
	})
}

// handler serves GET /metrics: the registry in Prometheus' text format.
func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}
