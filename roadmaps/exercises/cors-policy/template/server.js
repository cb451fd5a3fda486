const { createServer } = require('./src/app');
const { parseOrigins } = require('./src/cors');

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const server = createServer();
server.listen(port, host, () => {
  const url = `http://${host}:${server.address().port}/api/items`;
  console.log(`Listening on ${url}`);
  console.log(`Allowed origins (CORS_ORIGINS): ${JSON.stringify(parseOrigins(process.env.CORS_ORIGINS))}`);
  console.log(`Try it: curl -i -H 'Origin: https://app.example.com' ${url}`);
});
process.once('SIGINT', () => server.close(() => process.exit(0)));
