// The HTTP side (done for you), on node:http:
//   POST /webhooks  hands the raw body and the Webhook-Signature header to your handler (./webhooks.js)
//   GET /balance    { "balance": cents, "events": n }: what the payment events credited so far
// The handler decides the status; answers are JSON.
const http = require('node:http');
const { createWebhookHandler } = require('./webhooks');

function createApp({ secret, toleranceSeconds = 300, now = () => Math.floor(Date.now() / 1000) }) {
  const ledger = { balance: 0, events: 0 };
  // What an accepted event does: a payment credits its amount (in cents). Other types are ignored.
  const onEvent = (event) => {
    ledger.events += 1;
    if (event.type === 'payment.succeeded' && Number.isInteger(event.amount)) ledger.balance += event.amount;
  };
  const handle = createWebhookHandler({ secret, toleranceSeconds, now, onEvent });

  return http.createServer((req, res) => {
    const send = (status, value) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const path = new URL(req.url, 'http://localhost').pathname;
    if (req.method === 'GET' && path === '/balance') return send(200, ledger);
    if (req.method !== 'POST' || path !== '/webhooks') return send(404, { error: `No route for ${req.method} ${path}` });
    // The body stays a Buffer, exactly as it arrived: the signature is over these bytes.
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      try {
        const { status, body } = handle(req.headers['webhook-signature'], Buffer.concat(chunks));
        send(status, body);
      } catch (err) {
        console.error(err);
        send(500, { error: err.message });
      }
    });
  });
}

module.exports = { createApp };
