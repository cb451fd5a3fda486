import { createApp } from './src/app';

// The checks start the program with PORT and HOST set.
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
createApp().listen(port, host, () => {
  console.log(`Comment board on http://${host}:${port}/`);
});
