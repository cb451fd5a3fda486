const { createServer } = require('./src/app');

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const server = createServer();
server.listen(port, host, () => {
  const url = `http://${host}:${server.address().port}/cities`;
  console.log(`Listening on ${url}`);
  console.log(`Try it: curl -i -H 'Accept: text/csv' ${url}`);
});
process.once('SIGINT', () => server.close(() => process.exit(0)));
