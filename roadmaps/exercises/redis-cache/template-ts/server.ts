// Starts the API (done for you). Configuration comes from the environment:
//   PORT, HOST                where to listen (3000, 127.0.0.1)
//   REDIS_URL                 the Redis to use (redis://127.0.0.1:6379)
//   REDIS_KEY_PREFIX          put in front of every key, e.g. "br-check-1a2b:" -> "br-check-1a2b:product:1"
//   CACHE_TTL_SECONDS         how long a cached product lives (60)
//   CACHE_MISS_TTL_SECONDS    how long "no such product" is remembered (5)
import { createClient } from 'redis';
import { createApp } from './src/app';

const env = (name: string, fallback: string): string => process.env[name] || fallback;

async function main(): Promise<void> {
  const url = env('REDIS_URL', 'redis://127.0.0.1:6379');
  const redis = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  redis.on('error', (err: Error) => console.error('Redis:', err.message));
  await redis.connect();
  const app = createApp({
    redis,
    keyPrefix: `${env('REDIS_KEY_PREFIX', '')}product:`,
    ttlSeconds: Number(env('CACHE_TTL_SECONDS', '60')),
    missTtlSeconds: Number(env('CACHE_MISS_TTL_SECONDS', '5')),
  });
  const port = Number(env('PORT', '3000'));
  const host = env('HOST', '127.0.0.1');
  app.listen(port, host, () => console.log(`Listening on http://${host}:${port}/products/1`));
}

main().catch((err: unknown) => {
  console.error(`Could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
