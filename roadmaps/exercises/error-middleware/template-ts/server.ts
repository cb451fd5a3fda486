import { createApp } from './src/app';

const port = Number(process.env.PORT ?? 3000);
createApp({ logger: console }).listen(port, () => {
  console.log(`Listening on http://localhost:${port}`);
  console.log(`Try: curl -i localhost:${port}/books/7   and   curl -i localhost:${port}/crash`);
});
