const { createApp } = require('./src/app');

const port = Number(process.env.PORT ?? 3000);
createApp().listen(port, () => {
  console.log(`Listening on http://localhost:${port}/tasks (sign in with: Authorization: Bearer token-ana)`);
});
