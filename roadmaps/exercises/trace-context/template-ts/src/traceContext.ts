import crypto from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

// W3C Trace Context, by hand: https://www.w3.org/TR/trace-context/
// traceparent = version "-" trace-id "-" parent-id "-" trace-flags, all lower-case hex:
//               00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01

export interface Traceparent {
  version: string;
  traceId: string;
  parentId: string;
  flags: string;
}

export interface Span {
  traceId: string;
  spanId: string;
  /** The caller's span id, or null for a new trace. */
  parentSpanId: string | null;
  sampled: boolean;
  /** The tracestate to pass on, or null. */
  tracestate: string | null;
}

/**
 * The parts of a traceparent header, or null when it is missing or invalid (then the caller starts
 * a new trace). Version 00 is exactly 55 characters; a later version (not ff) may carry more after
 * the flags, behind a "-", and its first four fields are read the same way.
 */
export function parseTraceparent(header: string | string[] | undefined): Traceparent | null {
  // TODO 1: check the version (two lower-case hex digits, not ff) and the length, the three dashes,
  // then slice out traceId (32), parentId (16) and flags (2): lower-case hex only, and neither id all
  // zeros. Return { version, traceId, parentId, flags }.
  void header;
  return null;
}

/** n random bytes as lower-case hex, never all zeros. */
export function randomHex(bytes: number): string {
  // TODO 2: crypto.randomBytes(bytes).toString('hex'); draw again if it is all zeros.
  void crypto;
  return '0'.repeat(bytes * 2);
}

/**
 * This service's span for a request with these (lower-case) headers: the caller's trace continued
 * when its traceparent is valid, otherwise a new trace (sampled). The span id is always new.
 */
export function startSpan(headers: IncomingHttpHeaders): Span {
  // TODO 3: parseTraceparent(headers.traceparent). Valid: keep its traceId, a new spanId, its parentId
  // as parentSpanId, sampled from bit 0 of its flags, headers.tracestate (or null). Otherwise a new
  // traceId and spanId, parentSpanId null, sampled true, tracestate null.
  void headers;
  return { traceId: randomHex(16), spanId: randomHex(8), parentSpanId: null, sampled: false, tracestate: null };
}

/** The traceparent naming this span: version 00, flags 01 when sampled, 00 when not. */
export function traceparentOf(span: Span): string {
  // TODO 4
  void span;
  return '';
}

/** Headers for a call this span makes to another service: traceparent, and tracestate if it came. */
export function outgoingHeaders(span: Span): Record<string, string> {
  // TODO 5
  void span;
  return {};
}

/**
 * For every request, before its route runs: starts its span, sets the traceparent response header,
 * and writes one JSON line on stdout when the response is finished. Returns the span.
 */
export function traceRequest(req: IncomingMessage, res: ServerResponse): Span {
  const span = startSpan(req.headers);
  // TODO 6: res.setHeader('traceparent', …); and on res 'finish', one line on stdout:
  // {"trace_id","span_id","parent_span_id","sampled","method","path","status"} (path without the query).
  void res;
  return span;
}
