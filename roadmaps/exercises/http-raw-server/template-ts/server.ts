import type { AddressInfo } from 'node:net';
import { createHttpServer } from './src/httpServer';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const server = createHttpServer();
server.listen(port, host, () => {
  const { port: actual } = server.address() as AddressInfo;
  console.log(`HTTP server on http://${host}:${actual}/hello`);
  console.log(`Try it: curl -v http://${host}:${actual}/hello   or   nc ${host} ${actual}`);
});
// Ctrl+C: stop accepting, end the open connections, exit.
process.once('SIGINT', () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 500).unref();
});
