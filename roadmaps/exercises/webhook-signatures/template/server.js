// Starts the receiver (done for you). Configuration comes from the environment:
//   PORT, HOST                  where to listen (3000, 127.0.0.1)
//   WEBHOOK_SECRET              the secret shared with the sender (required)
//   WEBHOOK_TOLERANCE_SECONDS   how far a timestamp may be from now, either way (300)
//   WEBHOOK_NOW                 pins "now" to these Unix seconds, for tests (unset: the real clock)
const { createApp } = require('./src/app');

const secret = process.env.WEBHOOK_SECRET;
if (!secret) {
  console.error('Set WEBHOOK_SECRET, the secret the sender signs with.');
  process.exit(1);
}
const pinned = process.env.WEBHOOK_NOW;
const now = pinned ? () => Number(pinned) : () => Math.floor(Date.now() / 1000);
const toleranceSeconds = Number(process.env.WEBHOOK_TOLERANCE_SECONDS || '300');

const port = Number(process.env.PORT || '3000');
const host = process.env.HOST || '127.0.0.1';
createApp({ secret, toleranceSeconds, now }).listen(port, host, () => console.log(`Listening on http://${host}:${port}/webhooks`));
