import type { AddressInfo } from 'node:net';
import { createEchoServer } from './src/echoServer';

const port = Number(process.env.PORT ?? 7000);
const host = process.env.HOST ?? '127.0.0.1';
const server = createEchoServer();
server.listen(port, host, () => {
  const { port: actual } = server.address() as AddressInfo;
  console.log(`Echo server on ${host}:${actual}`);
  console.log(`Try it: nc ${host} ${actual}   (type a line, then QUIT)`);
});
// Ctrl+C: stop accepting, end the open connections, exit.
process.once('SIGINT', () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 500).unref();
});
