import { createApp } from './src/app';

const port = Number(process.env.PORT ?? 3000);
createApp({ docs: true }).listen(port, () => {
  console.log(`Todos API on http://localhost:${port}/todos`);
  console.log(`Your openapi.yaml, rendered by Swagger UI: http://localhost:${port}/docs (reload after each edit)`);
});
