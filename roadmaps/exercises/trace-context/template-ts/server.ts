import { createApp } from './src/app';

// The checks start the program with PORT and HOST set. Stdout is for the JSON log lines only, so
// this startup message goes to stderr.
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const server = createApp({ host, port });
server.listen(port, host, () => {
  console.error(`Listening on http://${host}:${port}; try: curl -i http://${host}:${port}/checkout`);
});
process.once('SIGINT', () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 500).unref();
});
