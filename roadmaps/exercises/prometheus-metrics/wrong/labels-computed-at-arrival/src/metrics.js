const client = require('prom-client');

// One registry for this app's metrics: /metrics renders it, and the tests reset it between tests.
const register = new client.Registry();

// The histogram's buckets, in seconds (see the README).
const BUCKETS = [0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6];

const labelNames = ['method', 'route', 'status'];

const requests = new client.Counter({
  name: 'http_requests_total',
  help: 'HTTP requests handled, by method, route template and status.',
  labelNames,
  registers: [register],
});

const duration = new client.Histogram({
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
function routeOf(req) {
  // A route inside a mounted router has its mount path in req.baseUrl.
  return req.route ? `${req.baseUrl}${req.route.path}` : 'unmatched';
}

/** Express middleware, mounted before every route: measures every request. */
function metricsMiddleware(req, res, next) {
  inFlight.inc();
  const stopTimer = duration.startTimer();
  let recorded = false;
  // WRONG: the labels are read when the request arrives: no route has matched yet and the status is still 200.
  const labels = { method: req.method, route: routeOf(req), status: String(res.statusCode) };
  const record = () => {
    // 'finish' (the response was sent) or 'close' (the client went away first): whichever comes first.
    if (recorded) return;
    recorded = true;
    inFlight.dec();
    requests.inc(labels);
    stopTimer(labels);
  };
  res.on('finish', record);
  res.on('close', record);
  next();
}

/** GET /metrics: the registry in Prometheus' text format. */
async function metricsHandler(req, res) {
  res.set('Content-Type', register.contentType);
  res.send(await register.metrics());
}

module.exports = { register, BUCKETS, routeOf, metricsMiddleware, metricsHandler };
