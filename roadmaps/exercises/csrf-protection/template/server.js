const { createApp } = require('./src/app');

// The checks start the program with PORT, HOST and APP_ORIGIN=http://bank.test set.
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const appOrigin = process.env.APP_ORIGIN ?? `http://localhost:${port}`;
createApp({ appOrigin }).listen(port, host, () => {
  console.log(`Bank on http://${host}:${port} (its origin: ${appOrigin})`);
});
