const client = require('prom-client');

// One registry for this app's metrics: /metrics renders it, and the tests reset it between tests.
const register = new client.Registry();

// The histogram's buckets, in seconds (see the README).
const BUCKETS = [0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6];

// TODO 1: create the three metrics, each with `registers: [register]`:
//   - a Counter   http_requests_total            labels method, route, status
//   - a Histogram http_request_duration_seconds  labels method, route, status; buckets: BUCKETS
//   - a Gauge     http_requests_in_flight        no labels

/**
 * The route label of a request: the pattern the request matched (`/api/books/:id`), never the raw
 * path, or "unmatched" when no route matched. Only right once the response is finished.
 */
function routeOf(req) {
  // TODO 2: req.route is the matched route (undefined when none matched); its .path is the pattern.
  return req.path;
}

/** Express middleware, mounted before every route: measures every request. */
function metricsMiddleware(req, res, next) {
  // TODO 3: add 1 to the in-flight gauge and start a timer now; when the response is finished
  // (res.on('finish')), take 1 from the gauge, count the request and observe its duration in
  // seconds, with the labels { method, route, status }.
  next();
}

/** GET /metrics: the registry in Prometheus' text format. */
async function metricsHandler(req, res) {
  // TODO 4: answer with register.contentType as the Content-Type and await register.metrics() as the body.
  res.status(501).type('text/plain').send('TODO: /metrics\n');
}

module.exports = { register, BUCKETS, routeOf, metricsMiddleware, metricsHandler };
