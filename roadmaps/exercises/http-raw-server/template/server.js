const { createHttpServer } = require('./src/httpServer');

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const server = createHttpServer();
server.listen(port, host, () => {
  console.log(`HTTP server on http://${host}:${server.address().port}/hello`);
  console.log(`Try it: curl -v http://${host}:${server.address().port}/hello   or   nc ${host} ${server.address().port}`);
});
// Ctrl+C: stop accepting, end the open connections, exit.
process.once('SIGINT', () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 500).unref();
});
