import { createApp } from './src/app';

// The checks start the program with PORT and HOST set, PROJECTION_DELAY_MS=500 (so that the read side
// visibly lags behind the write side) and READ_WAIT_MS=1500.
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const delayMs = Number(process.env.PROJECTION_DELAY_MS ?? 200);
const readWaitMs = Number(process.env.READ_WAIT_MS ?? 2000);

createApp({ delayMs, readWaitMs }).listen(port, host, () => {
  console.log(`Listening on http://${host}:${port} (read side ${delayMs} ms behind, queries wait up to ${readWaitMs} ms)`);
});
