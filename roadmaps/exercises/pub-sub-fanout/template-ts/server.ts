// Starts the service (done for you). Configuration comes from the environment:
//   PORT, HOST          where to listen (3000, 127.0.0.1)
//   REDIS_URL           the Redis to use (redis://127.0.0.1:6379)
//   REDIS_KEY_PREFIX    put in front of every channel, e.g. "br-check-1a2b:" -> "br-check-1a2b:room:kitchen"
import { createClient } from 'redis';
import { createFanoutServer } from './src/fanout';

const env = (name: string, fallback: string): string => process.env[name] || fallback;

async function main(): Promise<void> {
  const url = env('REDIS_URL', 'redis://127.0.0.1:6379');
  const redis = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  redis.on('error', (err: Error) => console.error('Redis:', err.message));
  await redis.connect();
  const server = createFanoutServer({ redis, channelPrefix: `${env('REDIS_KEY_PREFIX', '')}room:` });
  const port = Number(env('PORT', '3000'));
  const host = env('HOST', '127.0.0.1');
  server.listen(port, host, () => {
    console.log(`Listening on ws://${host}:${port}/rooms/<room>`);
    console.log(`Try it: npx wscat -c ws://${host}:${port}/rooms/kitchen`);
  });
}

main().catch((err: Error) => {
  console.error(`Could not start: ${err.message}`);
  process.exit(1);
});
