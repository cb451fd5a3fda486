// The HTTP API (done for you), on node:http. Every answer is JSON:
//   GET /customers/summary          every customer with their paid orders counted and summed
//   GET /orders                     every order that belongs to a customer, with the customer's name
//   GET /customers/without-orders   the customers who never placed an order
// The queries are in reports.js; errors are { "error": "..." } with status 500.
const http = require('node:http');
const reports = require('./reports');

const routes = {
  '/customers/summary': reports.customerSummary,
  '/orders': reports.ordersWithCustomers,
  '/customers/without-orders': reports.customersWithoutOrders,
};

function createApp({ db }) {
  return http.createServer(async (req, res) => {
    const send = (status, value) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const { pathname } = new URL(req.url, 'http://localhost');
    const report = routes[pathname];
    if (!report) return send(404, { error: `No route for ${req.method} ${pathname}` });
    if (req.method !== 'GET') return send(405, { error: `${req.method} is not allowed here` });
    try {
      send(200, await report(db));
    } catch (err) {
      console.error(err);
      send(500, { error: err.message });
    }
  });
}

module.exports = { createApp };
