import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTraceparent, startSpan, traceparentOf, outgoingHeaders, type Span } from '../src/traceContext';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';
const VALID = `00-${TRACE}-${PARENT}-01`;

test('parseTraceparent reads a valid version 00 header', () => {
  assert.deepEqual(parseTraceparent(VALID), { version: '00', traceId: TRACE, parentId: PARENT, flags: '01' });
});

test('parseTraceparent reads the first four fields of a later version', () => {
  assert.deepEqual(parseTraceparent(`01-${TRACE}-${PARENT}-00-whatever-comes-next`), {
    version: '01',
    traceId: TRACE,
    parentId: PARENT,
    flags: '00',
  });
});

test('parseTraceparent refuses what is not a valid traceparent', () => {
  for (const bad of [
    undefined,
    '',
    `00-${TRACE.slice(1)}-${PARENT}-01`,
    `00-${TRACE}-${PARENT}0-01`,
    `00-${TRACE.toUpperCase()}-${PARENT}-01`,
    `00-${TRACE}-${PARENT.toUpperCase()}-01`,
    `00-${'0'.repeat(32)}-${PARENT}-01`,
    `00-${TRACE}-${'0'.repeat(16)}-01`,
    `ff-${TRACE}-${PARENT}-01`,
    `00-${TRACE}-${PARENT}-1`,
    `00-${TRACE}-${PARENT}-0x`,
    `00-${TRACE}-${PARENT}-01-extra`,
    `00_${TRACE}_${PARENT}_01`,
    `01-${TRACE}-${PARENT}-01x`,
  ]) {
    assert.equal(parseTraceparent(bad), null, `${bad} is not valid`);
  }
});

test('startSpan continues a valid trace with a new span id', () => {
  const span = startSpan({ traceparent: VALID, tracestate: 'congo=t61rcWkgMzE' });
  assert.equal(span.traceId, TRACE);
  assert.equal(span.parentSpanId, PARENT);
  assert.match(span.spanId, /^[0-9a-f]{16}$/);
  assert.notEqual(span.spanId, PARENT);
  assert.notEqual(span.spanId, '0'.repeat(16));
  assert.equal(span.sampled, true);
  assert.equal(span.tracestate, 'congo=t61rcWkgMzE');
  assert.equal(startSpan({ traceparent: `00-${TRACE}-${PARENT}-00` }).sampled, false);
  assert.equal(startSpan({ traceparent: `00-${TRACE}-${PARENT}-03` }).sampled, true);
});

test('startSpan starts a new trace when there is no valid traceparent, and drops tracestate', () => {
  for (const headers of [{}, { traceparent: `00-${TRACE.toUpperCase()}-${PARENT}-01`, tracestate: 'congo=1' }]) {
    const span = startSpan(headers);
    assert.match(span.traceId, /^[0-9a-f]{32}$/);
    assert.notEqual(span.traceId, '0'.repeat(32));
    assert.notEqual(span.traceId.toLowerCase(), TRACE);
    assert.match(span.spanId, /^[0-9a-f]{16}$/);
    assert.notEqual(span.spanId, '0'.repeat(16));
    assert.equal(span.parentSpanId, null);
    assert.equal(span.sampled, true);
    assert.equal(span.tracestate, null);
  }
  assert.notEqual(startSpan({}).traceId, startSpan({}).traceId);
});

test('traceparentOf and outgoingHeaders name this span', () => {
  const span: Span = { traceId: TRACE, spanId: 'b7ad6b7169203331', parentSpanId: PARENT, sampled: false, tracestate: 'a=1' };
  assert.equal(traceparentOf(span), `00-${TRACE}-b7ad6b7169203331-00`);
  assert.equal(traceparentOf({ ...span, sampled: true }), `00-${TRACE}-b7ad6b7169203331-01`);
  assert.deepEqual(outgoingHeaders(span), { traceparent: `00-${TRACE}-b7ad6b7169203331-00`, tracestate: 'a=1' });
  assert.deepEqual(outgoingHeaders({ ...span, tracestate: null }), { traceparent: `00-${TRACE}-b7ad6b7169203331-00` });
});
