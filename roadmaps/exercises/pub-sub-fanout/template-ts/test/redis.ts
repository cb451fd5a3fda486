// Test helper: connects to the Redis from REDIS_URL, or fails fast with a message that says how
// to get one. node-redis would otherwise keep reconnecting and the run would hang.
import { createClient } from 'redis';

const DEFAULT_URL = 'redis://127.0.0.1:6379';

function newClient(url: string) {
  return createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } });
}

/** A node-redis client as this helper creates it (its exact type depends on the options). */
export type Redis = ReturnType<typeof newClient>;

export async function connectRedis(): Promise<Redis> {
  const url = process.env.REDIS_URL || DEFAULT_URL;
  const client = newClient(url);
  client.on('error', () => {}); // failures reach the awaiting command; without a listener they crash the process
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    client.destroy();
    const e = err as { message?: string; code?: string };
    throw new Error(
      `Redis is not reachable at ${redact(url)}: start one (e.g. \`redis-server\` or \`docker run -p 6379:6379 redis\`) ` +
        `or set REDIS_URL. (${e.message || e.code || String(err)})`,
    );
  }
  return client;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
