// Starts the API (done for you). Configuration comes from the environment:
//   PORT, HOST         where to listen (3000, 127.0.0.1)
//   REDIS_URL          the Redis to use (redis://127.0.0.1:6379)
//   REDIS_KEY_PREFIX   put in front of every key, e.g. "br-check-1a2b:" -> "br-check-1a2b:leaderboard"
const { createClient } = require('redis');
const { createApp } = require('./src/app');

const env = (name, fallback) => process.env[name] || fallback;

async function main() {
  const url = env('REDIS_URL', 'redis://127.0.0.1:6379');
  const redis = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  redis.on('error', (err) => console.error('Redis:', err.message));
  await redis.connect();
  const app = createApp({ redis, key: `${env('REDIS_KEY_PREFIX', '')}leaderboard` });
  const port = Number(env('PORT', '3000'));
  const host = env('HOST', '127.0.0.1');
  app.listen(port, host, () => console.log(`Listening on http://${host}:${port}/leaderboard`));
}

main().catch((err) => {
  console.error(`Could not start: ${err.message}`);
  process.exit(1);
});
