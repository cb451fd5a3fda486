const { createApp } = require('./src/app');

// Milestone 5 signs nothing itself but checks tokens signed with this secret. A real secret comes from
// configuration, never the code; the fallback is for trying the API by hand only (the check sets its own).
const secret = process.env.JWT_SECRET || 'dev-only-secret-change-me-0123456789abcdef';
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

createApp({ secret }).listen(port, host, () => {
  console.log(`Listening on http://localhost:${port} (try: curl -i localhost:${port}/health)`);
});
