import client from 'prom-client';
import type { NextFunction, Request, Response } from 'express';

// One registry for this app's metrics: /metrics renders it, and the tests reset it between tests.
export const register = new client.Registry();

// The histogram's buckets, in seconds (see the README).
export const BUCKETS = [0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6];

type Label = 'method' | 'route' | 'status';
const labelNames: Label[] = ['method', 'route', 'status'];

const requests = new client.Counter<Label>({
  name: 'http_requests_total',
  help: 'HTTP requests handled, by method, route template and status.',
  labelNames,
  registers: [register],
});

const duration = new client.Histogram<Label>({
  name: 'http_request_duration_seconds',
  help: 'Time from a request arriving to its response being finished, in seconds.',
  labelNames,
  buckets: BUCKETS,
  registers: [register],
});

const inFlight = new client.Gauge({
  name: 'http_requests_in_flight',
  help: 'HTTP requests being handled right now.',
  registers: [register],
});

/**
 * The route label of a request: the pattern the request matched (`/api/books/:id`), never the raw
 * path, or "unmatched" when no route matched. Only right once the response is finished.
 */
export function routeOf(req: Request): string {
  // Express types req.route as any; a route inside a mounted router has its mount path in req.baseUrl.
  const route = req.route as { path?: unknown } | undefined;
  return typeof route?.path === 'string' ? `${req.baseUrl}${route.path}` : 'unmatched';
}

/** Express middleware, mounted before every route: measures every request. */
export function metricsMiddleware(req: Request, res: Response, next: NextFunction): void {
  inFlight.inc();
  const stopTimer = duration.startTimer();
  let recorded = false;
  const record = () => {
    // 'finish' (the response was sent) or 'close' (the client went away first): whichever comes first.
    if (recorded) return;
    recorded = true;
    inFlight.dec();
    const labels = { method: req.method, route: routeOf(req), status: String(res.statusCode) };
    requests.inc(labels);
    stopTimer(labels);
  };
  res.on('finish', record);
  res.on('close', record);
  next();
}

/** GET /metrics: the registry in Prometheus' text format. */
export async function metricsHandler(req: Request, res: Response): Promise<void> {
  res.set('Content-Type', register.contentType);
  res.send(await register.metrics());
}
