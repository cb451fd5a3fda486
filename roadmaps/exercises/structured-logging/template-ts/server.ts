import { createApp } from './src/app';
import { createLogger } from './src/logging';

// The checks start the program with PORT, HOST and LOG_LEVEL=debug set. Logs go to stdout.
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'info' });

createApp({ logger }).listen(port, host, () => {
  logger.info({ port, host }, 'listening');
});
