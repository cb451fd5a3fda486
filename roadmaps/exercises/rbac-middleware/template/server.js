const { createApp } = require('./src/app');

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
createApp().listen(port, host, () => {
  console.log(`Listening on http://localhost:${port}`);
  console.log(`Try: curl -i localhost:${port}/articles -H "X-User: ada" -H "X-Role: viewer"`);
});
