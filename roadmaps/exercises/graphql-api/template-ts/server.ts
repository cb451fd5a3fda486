import { createApp } from './src/app';

const port = Number(process.env.PORT ?? 4000);
createApp().listen(port, () => {
  console.log(`GraphQL endpoint on http://localhost:${port}/graphql`);
  console.log(`Try: curl -s localhost:${port}/graphql -H 'content-type: application/json' \\`);
  console.log(`       -d '{"query":"{ books { title author { name } } }"}'`);
});
