const { openPool } = require('./src/db');
const { createApp } = require('./src/app');

// The checks start the program with PORT, HOST and DATABASE_URL (a fresh, empty database) set.
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

openPool().then(
  (pool) => {
    createApp(pool).listen(port, host, () => {
      console.log(`Shop API on http://${host}:${port}/products (DATABASE_URL ${process.env.DATABASE_URL ? 'set' : 'not set'})`);
    });
  },
  (error) => {
    console.error(`cannot reach PostgreSQL at DATABASE_URL: ${error.message}`);
    process.exit(1);
  },
);
