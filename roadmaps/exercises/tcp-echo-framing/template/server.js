const { createEchoServer } = require('./src/echoServer');

const port = Number(process.env.PORT ?? 7000);
const host = process.env.HOST ?? '127.0.0.1';
const server = createEchoServer();
server.listen(port, host, () => {
  console.log(`Echo server on ${host}:${server.address().port}`);
  console.log(`Try it: nc ${host} ${server.address().port}   (type a line, then QUIT)`);
});
// Ctrl+C: stop accepting, end the open connections, exit.
process.once('SIGINT', () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 500).unref();
});
