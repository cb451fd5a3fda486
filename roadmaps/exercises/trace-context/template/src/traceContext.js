const crypto = require('node:crypto');

// W3C Trace Context, by hand: https://www.w3.org/TR/trace-context/
// traceparent = version "-" trace-id "-" parent-id "-" trace-flags, all lower-case hex:
//               00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01

/**
 * The parts of a traceparent header, or null when it is missing or invalid (then the caller starts
 * a new trace). Version 00 is exactly 55 characters; a later version (not ff) may carry more after
 * the flags, behind a "-", and its first four fields are read the same way.
 */
// eslint-disable-next-line no-unused-vars
function parseTraceparent(header) {
  // TODO 1: check the version (two lower-case hex digits, not ff) and the length, the three dashes,
  // then slice out traceId (32), parentId (16) and flags (2): lower-case hex only, and neither id all
  // zeros. Return { version, traceId, parentId, flags }.
  return null;
}

/** n random bytes as lower-case hex, never all zeros. */
// eslint-disable-next-line no-unused-vars
function randomHex(bytes) {
  // TODO 2: crypto.randomBytes(bytes).toString('hex'); draw again if it is all zeros.
  return '0'.repeat(bytes * 2);
}

/**
 * This service's span for a request with these (lower-case) headers: the caller's trace continued
 * when its traceparent is valid, otherwise a new trace (sampled). The span id is always new.
 */
function startSpan(headers) {
  // TODO 3: parseTraceparent(headers.traceparent). Valid: keep its traceId, a new spanId, its parentId
  // as parentSpanId, sampled from bit 0 of its flags, headers.tracestate (or null). Otherwise a new
  // traceId and spanId, parentSpanId null, sampled true, tracestate null.
  return { traceId: randomHex(16), spanId: randomHex(8), parentSpanId: null, sampled: false, tracestate: null };
}

/** The traceparent naming this span: version 00, flags 01 when sampled, 00 when not. */
// eslint-disable-next-line no-unused-vars
function traceparentOf(span) {
  // TODO 4
  return '';
}

/** Headers for a call this span makes to another service: traceparent, and tracestate if it came. */
// eslint-disable-next-line no-unused-vars
function outgoingHeaders(span) {
  // TODO 5
  return {};
}

/**
 * For every request, before its route runs: starts its span, sets the traceparent response header,
 * and writes one JSON line on stdout when the response is finished. Returns the span.
 */
function traceRequest(req, res) {
  const span = startSpan(req.headers);
  // TODO 6: res.setHeader('traceparent', …); and on res 'finish', one line on stdout:
  // {"trace_id","span_id","parent_span_id","sampled","method","path","status"} (path without the query).
  return span;
}

module.exports = { parseTraceparent, startSpan, traceparentOf, outgoingHeaders, traceRequest };
