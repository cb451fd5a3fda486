const { createApp } = require('./src/app');

// The checks start the program with PORT and HOST set, SESSION_IDLE_SECONDS=2 and COOKIE_SECURE=1.
// Without them: port 3000, sessions end after 30 idle minutes, and no Secure attribute (so the cookie
// also works over plain http://localhost while you try it).
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const server = createApp({
  idleSeconds: Number(process.env.SESSION_IDLE_SECONDS ?? 1800),
  secure: process.env.COOKIE_SECURE === '1',
});
server.listen(port, host, () => {
  console.log(`Sessions API on http://${host}:${port} (POST /cart, POST /login, GET /me, POST /logout)`);
});
