import { createApp } from './src/app';

// The checks start the program with PORT and HOST set, and a short window through
// RATE_LIMIT_WINDOW_MS and RATE_LIMIT_MAX. By default: 5 requests per 10 seconds, so you can hit the
// limit by hand.
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const windowMs = Number(process.env.RATE_LIMIT_WINDOW_MS ?? 10_000);
const limit = Number(process.env.RATE_LIMIT_MAX ?? 5);

createApp({ limiter: { windowMs, limit } }).listen(port, host, () => {
  console.log(`Listening on http://${host}:${port}/api/hello (${limit} requests per ${windowMs} ms)`);
});
