const crypto = require('node:crypto');

// W3C Trace Context, by hand: https://www.w3.org/TR/trace-context/
// traceparent = version "-" trace-id "-" parent-id "-" trace-flags, all lower-case hex:
//               00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01

const ZERO_TRACE_ID = '0'.repeat(32);
const ZERO_SPAN_ID = '0'.repeat(16);
const lowerHex = (s, length) => s.length === length && /^[0-9a-f]+$/.test(s);

/**
 * The parts of a traceparent header, or null when it is missing or invalid (then the caller starts
 * a new trace). Version 00 is exactly 55 characters; a later version (not ff) may carry more after
 * the flags, behind a "-", and its first four fields are read the same way.
 */
function parseTraceparent(header) {
  if (typeof header !== 'string' || header.length < 55) return null;
  const version = header.slice(0, 2);
  if (!lowerHex(version, 2) || version === 'ff') return null;
  if (version === '00' ? header.length !== 55 : header.length > 55 && header[55] !== '-') return null;
  if (header[2] !== '-' || header[35] !== '-' || header[52] !== '-') return null;
  const traceId = header.slice(3, 35);
  const parentId = header.slice(36, 52);
  const flags = header.slice(53, 55);
  if (!lowerHex(traceId, 32) || !lowerHex(parentId, 16) || !lowerHex(flags, 2)) return null;
  if (traceId === ZERO_TRACE_ID || parentId === ZERO_SPAN_ID) return null;
  return { version, traceId, parentId, flags };
}

/** n random bytes as lower-case hex, drawn again in the (tiny) chance they are all zero. */
function randomHex(bytes) {
  for (;;) {
    const hex = crypto.randomBytes(bytes).toString('hex');
    if (/[^0]/.test(hex)) return hex;
  }
}

/**
 * This service's span for a request with these (lower-case) headers: the caller's trace continued
 * when its traceparent is valid, otherwise a new trace (sampled). The span id is always new.
 */
function startSpan(headers) {
  const parent = parseTraceparent(headers.traceparent);
  if (!parent) {
    return { traceId: randomHex(16), spanId: randomHex(8), parentSpanId: null, sampled: true, tracestate: null };
  }
  return {
    traceId: parent.traceId,
    spanId: randomHex(8),
    parentSpanId: parent.parentId,
    // Bit 0 of the flags byte: the caller recorded its span (03 has it too).
    sampled: (parseInt(parent.flags, 16) & 1) === 1,
    tracestate: headers.tracestate ?? null,
  };
}

/** The traceparent naming this span: version 00, flags 01 when sampled, 00 when not. */
function traceparentOf(span) {
  return `00-${span.traceId}-${span.spanId}-${span.sampled ? '01' : '00'}`;
}

/** Headers for a call this span makes to another service: traceparent, and tracestate if it came. */
function outgoingHeaders(span) {
  // WRONG: only traceparent is passed on; the tracestate that came with it is lost downstream.
  return { traceparent: traceparentOf(span) };
}

/**
 * For every request, before its route runs: starts its span, sets the traceparent response header,
 * and writes one JSON line on stdout when the response is finished. Returns the span.
 */
function traceRequest(req, res) {
  const span = startSpan(req.headers);
  res.setHeader('traceparent', traceparentOf(span));
  res.on('finish', () => {
    const line = {
      trace_id: span.traceId,
      span_id: span.spanId,
      parent_span_id: span.parentSpanId,
      sampled: span.sampled,
      method: req.method,
      path: new URL(req.url, 'http://localhost').pathname,
      status: res.statusCode,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  });
  return span;
}

module.exports = { parseTraceparent, startSpan, traceparentOf, outgoingHeaders, traceRequest };
