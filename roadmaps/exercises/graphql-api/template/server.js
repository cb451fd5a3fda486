const { createApp } = require('./src/app');

// The check starts the program with PORT (and HOST) set, then waits until it listens there.
const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';
createApp().listen(port, host, () => {
  console.log(`GraphQL endpoint on http://${host}:${port}/graphql`);
  console.log(`Try: curl -s ${host}:${port}/graphql -H 'content-type: application/json' \\`);
  console.log(`       -d '{"query":"{ books { title author { name } } }"}'`);
});
