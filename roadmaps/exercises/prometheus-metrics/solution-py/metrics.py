"""Prometheus metrics for the app: the three metrics, the middleware that records them, and /metrics."""

import time

from fastapi import Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest

# One registry for this app's metrics: /metrics renders it.
REGISTRY = CollectorRegistry()

# The histogram's buckets, in seconds (see the README).
BUCKETS = (0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6)

LABELS = ("method", "route", "status")

REQUESTS = Counter(
    "http_requests_total",
    "HTTP requests handled, by method, route template and status.",
    LABELS,
    registry=REGISTRY,
)
DURATION = Histogram(
    "http_request_duration_seconds",
    "Time from a request arriving to its response being ready, in seconds.",
    LABELS,
    buckets=BUCKETS,
    registry=REGISTRY,
)
IN_FLIGHT = Gauge("http_requests_in_flight", "HTTP requests being handled right now.", registry=REGISTRY)


def route_of(request: Request) -> str:
    """The route label: the template the request matched ("/api/books/{id}"), never the raw path,
    or "unmatched" when no route matched. Only right once the app has handled the request."""
    route = request.scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "unmatched"


async def metrics_middleware(request: Request, call_next):
    """Around every request: the gauge up on arrival; when the response is ready, the gauge down,
    the request counted and its duration observed in seconds, with method, route and status."""
    IN_FLIGHT.inc()
    started = time.perf_counter()
    status = 500  # if call_next itself raises, the server answers 500
    try:
        response = await call_next(request)
        status = response.status_code
        return response
    finally:
        IN_FLIGHT.dec()
        labels = {"method": request.method, "route": route_of(request), "status": str(status)}
        REQUESTS.labels(**labels).inc()
        DURATION.labels(**labels).observe(time.perf_counter() - started)


def metrics_endpoint() -> Response:
    """GET /metrics: the registry in Prometheus' text format."""
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
