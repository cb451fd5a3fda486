import http from 'node:http';
import { traceRequest, outgoingHeaders } from './traceContext';

// A tiny shop (done for you). Your work is in src/traceContext.ts.
//
// GET /hello      answers with its own trace id and span id.
// GET /inventory  the same, plus the traceparent and tracestate headers it received.
// GET /checkout   calls GET /inventory on this same server, over HTTP, as if it were another
//                 service, passing the trace on; answers with both answers.
export function createApp({ host, port }: { host: string; port: number }): http.Server {
  return http.createServer(async (req, res) => {
    // First thing for every request: its span, the traceparent response header, the log line.
    const span = traceRequest(req, res);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const ids = { trace_id: span.traceId, span_id: span.spanId };

    if (req.method === 'GET' && path === '/hello') return send(res, 200, { message: 'hello', ...ids });

    if (req.method === 'GET' && path === '/inventory') {
      const received = { traceparent: req.headers.traceparent ?? null, tracestate: req.headers.tracestate ?? null };
      return send(res, 200, { item: 'book', in_stock: 3, ...ids, received });
    }

    if (req.method === 'GET' && path === '/checkout') {
      try {
        const answer = await fetch(`http://${host}:${port}/inventory`, { headers: outgoingHeaders(span) });
        if (!answer.ok) return send(res, 502, { error: `inventory answered ${answer.status}`, ...ids });
        return send(res, 200, { order: 'placed', ...ids, inventory: await answer.json() });
      } catch (err) {
        return send(res, 502, { error: `inventory unreachable: ${(err as Error).message}`, ...ids });
      }
    }

    send(res, 404, { error: `No route for ${req.method} ${path}`, ...ids });
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
