// Starts the chat service (done for you). Configuration comes from the environment:
//   PORT, HOST          where to listen (3000, 127.0.0.1)
//   REDIS_URL           the Redis to use from milestone 4 on (redis://127.0.0.1:6379)
//   REDIS_KEY_PREFIX    put in front of every Redis key and channel (milestone 4), e.g. "br-check-1a2b:"
//   JWT_SECRET          the HS256 secret of the tokens (milestone 3)
//   RATE_LIMIT, RATE_WINDOW_MS   at most RATE_LIMIT messages per user in any RATE_WINDOW_MS (milestone 5)
const { createClient } = require('redis');
const { createChatServer } = require('./src/chat');

const env = (name, fallback) => process.env[name] || fallback;

async function main() {
  const url = env('REDIS_URL', 'redis://127.0.0.1:6379');
  const redis = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  redis.on('error', (err) => console.error('Redis:', err.message));
  await redis.connect();
  // A connection that SUBSCRIBEs can send no other command, so the subscriber is a second one.
  const subscriber = redis.duplicate();
  subscriber.on('error', (err) => console.error('Redis subscriber:', err.message));
  await subscriber.connect();
  const server = createChatServer({
    redis,
    subscriber,
    keyPrefix: env('REDIS_KEY_PREFIX', ''),
    jwtSecret: env('JWT_SECRET', 'change-me'),
    rateLimit: Number(env('RATE_LIMIT', '5')),
    rateWindowMs: Number(env('RATE_WINDOW_MS', '10000')),
  });
  const port = Number(env('PORT', '3000'));
  const host = env('HOST', '127.0.0.1');
  server.listen(port, host, () => {
    console.log(`Listening on http://${host}:${port}`);
    console.log(`Chat: npx wscat -c "ws://${host}:${port}/rooms/lobby?name=ada&token=<a JWT>"`);
  });
}

main().catch((err) => {
  console.error(`Could not start: ${err.message}`);
  process.exit(1);
});
