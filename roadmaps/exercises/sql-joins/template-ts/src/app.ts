// The HTTP API (done for you), on node:http. Every answer is JSON:
//   GET /customers/summary          every customer with their paid orders counted and summed
//   GET /orders                     every order that belongs to a customer, with the customer's name
//   GET /customers/without-orders   the customers who never placed an order
// The queries are in reports.ts; errors are { "error": "..." } with status 500.
import * as http from 'node:http';
import { customerSummary, customersWithoutOrders, ordersWithCustomers } from './reports';
import type { Db } from './reports';

const routes: Record<string, (db: Db) => Promise<unknown[]>> = {
  '/customers/summary': customerSummary,
  '/orders': ordersWithCustomers,
  '/customers/without-orders': customersWithoutOrders,
};

export function createApp({ db }: { db: Db }): http.Server {
  return http.createServer(async (req, res) => {
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const report = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
    if (!report) return send(404, { error: `No route for ${req.method} ${pathname}` });
    if (req.method !== 'GET') return send(405, { error: `${req.method} is not allowed here` });
    try {
      send(200, await report(db));
    } catch (err) {
      console.error(err);
      send(500, { error: err instanceof Error ? err.message : String(err) });
    }
  });
}
