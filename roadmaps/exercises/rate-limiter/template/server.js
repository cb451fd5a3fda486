const { createApp } = require('./src/app');

const port = Number(process.env.PORT ?? 3000);
// 5 requests per 10 seconds, so you can hit the limit by hand.
createApp({ limiter: { windowMs: 10_000, limit: 5 } }).listen(port, () => {
  console.log(`Listening on http://localhost:${port}/api/hello (5 requests per 10 s)`);
});
