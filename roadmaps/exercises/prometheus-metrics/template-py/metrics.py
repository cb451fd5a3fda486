"""Prometheus metrics for the app: the three metrics, the middleware that records them, and /metrics."""

import time

from fastapi import Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest

# One registry for this app's metrics: /metrics renders it.
REGISTRY = CollectorRegistry()

# The histogram's buckets, in seconds (see the README).
BUCKETS = (0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6)

# TODO 1: create the three metrics, each with registry=REGISTRY:
#   - a Counter   http_requests_total            labels method, route, status
#   - a Histogram http_request_duration_seconds  labels method, route, status; buckets=BUCKETS
#   - a Gauge     http_requests_in_flight        no labels


def route_of(request: Request) -> str:
    """The route label: the template the request matched ("/api/books/{id}"), never the raw path,
    or "unmatched" when no route matched. Only right once the app has handled the request."""
    # TODO 2: FastAPI puts the matched route in request.scope["route"] (absent when none matched);
    # its .path is the template.
    return request.url.path


async def metrics_middleware(request: Request, call_next):
    """Around every request: the gauge up on arrival; when the response is ready, the gauge down,
    the request counted and its duration observed in seconds, with method, route and status."""
    # TODO 3: time.perf_counter() for the timer; record in a `finally`, so the gauge comes back
    # down whatever happens (a route that raises is already a 500 response when call_next returns).
    return await call_next(request)


def metrics_endpoint() -> Response:
    """GET /metrics: the registry in Prometheus' text format."""
    # TODO 4: generate_latest(REGISTRY) as the body, CONTENT_TYPE_LATEST as the media type.
    return Response("TODO: /metrics\n", status_code=501, media_type="text/plain")
