const { createApp } = require('./src/app');

// The checks start the program with PORT and HOST set, and a short IDEMPOTENCY_TTL_MS so that they
// can watch a key expire. By default a stored response is kept for a day.
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const ttlMs = Number(process.env.IDEMPOTENCY_TTL_MS ?? 24 * 60 * 60 * 1000);

createApp({ ttlMs }).listen(port, host, () => {
  console.log(`Listening on http://${host}:${port}/payments (idempotency keys kept for ${ttlMs} ms)`);
});
