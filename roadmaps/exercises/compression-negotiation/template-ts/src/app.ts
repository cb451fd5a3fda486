// The HTTP API (done for you), on node:http. Every answer goes through sendNegotiated (./compression.ts):
//   GET /report    a large JSON report (several kB): worth compressing
//   GET /status    a tiny JSON body: not worth it
//   GET /logo.gif  an image (GIF data is compressed already): not worth it
import * as http from 'node:http';
import { sendNegotiated } from './compression';

const cities = ['Lisbon', 'Oslo', 'Nairobi', 'Lima', 'Osaka', 'Perth', 'Quebec', 'Tunis', 'Hanoi', 'Bergen'];
const report = Buffer.from(
  JSON.stringify({
    title: 'Daily temperatures',
    rows: Array.from({ length: 100 }, (_, i) => ({ id: i + 1, city: cities[i % cities.length], celsius: ((i * 7) % 35) - 5 })),
  }),
);
const status = Buffer.from(JSON.stringify({ ok: true }));
// Not a real picture: the GIF signature, then filler. What matters is its type.
const logo = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(2000, 0x2a)]);

export function createApp(): http.Server {
  return http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET') return sendNegotiated(req, res, 405, 'application/json', Buffer.from('{"error":"GET only"}'));
    if (path === '/report') return sendNegotiated(req, res, 200, 'application/json', report);
    if (path === '/status') return sendNegotiated(req, res, 200, 'application/json', status);
    if (path === '/logo.gif') return sendNegotiated(req, res, 200, 'image/gif', logo);
    sendNegotiated(req, res, 404, 'application/json', Buffer.from(JSON.stringify({ error: `No route for ${path}` })));
  });
}
