// Test helper: connects to the Redis from REDIS_URL, or fails fast with a message that says how
// to get one. node-redis would otherwise keep reconnecting and the run would hang.
const { createClient } = require('redis');

const DEFAULT_URL = 'redis://127.0.0.1:6379';

async function connectRedis() {
  const url = process.env.REDIS_URL || DEFAULT_URL;
  const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  client.on('error', () => {}); // failures reach the awaiting command; without a listener they crash the process
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    client.destroy();
    throw new Error(
      `Redis is not reachable at ${redact(url)}: start one (e.g. \`redis-server\` or \`docker run -p 6379:6379 redis\`) ` +
        `or set REDIS_URL. (${err.message || err.code || err})`,
    );
  }
  return client;
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

module.exports = { connectRedis };
