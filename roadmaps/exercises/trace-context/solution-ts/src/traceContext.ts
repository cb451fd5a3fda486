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

const isLowerHex = (s: string, length: number): boolean => s.length === length && /^[0-9a-f]+$/.test(s);
const allZeros = (s: string): boolean => /^0+$/.test(s);

/**
 * The parts of a traceparent header, or null when it is missing or invalid (then the caller starts
 * a new trace). Version 00 is exactly 55 characters; a later version (not ff) may carry more after
 * the flags, behind a "-", and its first four fields are read the same way.
 */
export function parseTraceparent(header: string | string[] | undefined): Traceparent | null {
  // Two traceparent headers in one request: there is no telling which one is right.
  if (typeof header !== 'string') return null;
  const version = header.slice(0, 2);
  if (!isLowerHex(version, 2) || version === 'ff') return null;
  const lengthOk = version === '00' ? header.length === 55 : header.length === 55 || (header.length > 55 && header[55] === '-');
  if (!lengthOk) return null;
  const [traceId, parentId, flags] = [header.slice(3, 35), header.slice(36, 52), header.slice(53, 55)];
  const dashes = header[2] === '-' && header[35] === '-' && header[52] === '-';
  if (!dashes || !isLowerHex(traceId, 32) || !isLowerHex(parentId, 16) || !isLowerHex(flags, 2)) return null;
  if (allZeros(traceId) || allZeros(parentId)) return null;
  return { version, traceId, parentId, flags };
}

/** n random bytes as lower-case hex, never all zeros. */
export function randomHex(bytes: number): string {
  let hex: string;
  do hex = crypto.randomBytes(bytes).toString('hex');
  while (allZeros(hex));
  return hex;
}

/**
 * This service's span for a request with these (lower-case) headers: the caller's trace continued
 * when its traceparent is valid, otherwise a new trace (sampled). The span id is always new.
 */
export function startSpan(headers: IncomingHttpHeaders): Span {
  const parent = parseTraceparent(headers.traceparent);
  if (parent === null) return { traceId: randomHex(16), spanId: randomHex(8), parentSpanId: null, sampled: true, tracestate: null };
  const tracestate = headers.tracestate;
  return {
    traceId: parent.traceId,
    spanId: randomHex(8),
    parentSpanId: parent.parentId,
    sampled: (Number.parseInt(parent.flags, 16) & 0x01) !== 0,
    tracestate: typeof tracestate === 'string' ? tracestate : null,
  };
}

/** The traceparent naming this span: version 00, flags 01 when sampled, 00 when not. */
export function traceparentOf(span: Span): string {
  const flags = span.sampled ? '01' : '00';
  return ['00', span.traceId, span.spanId, flags].join('-');
}

/** Headers for a call this span makes to another service: traceparent, and tracestate if it came. */
export function outgoingHeaders(span: Span): Record<string, string> {
  return span.tracestate === null
    ? { traceparent: traceparentOf(span) }
    : { traceparent: traceparentOf(span), tracestate: span.tracestate };
}

/**
 * For every request, before its route runs: starts its span, sets the traceparent response header,
 * and writes one JSON line on stdout when the response is finished. Returns the span.
 */
export function traceRequest(req: IncomingMessage, res: ServerResponse): Span {
  const span = startSpan(req.headers);
  res.setHeader('traceparent', traceparentOf(span));
  res.once('finish', () => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    console.log(
      JSON.stringify({
        trace_id: span.traceId,
        span_id: span.spanId,
        parent_span_id: span.parentSpanId,
        sampled: span.sampled,
        method: req.method,
        path: pathname,
        status: res.statusCode,
      }),
    );
  });
  return span;
}
