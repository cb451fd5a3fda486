const jwt = require('jsonwebtoken');
const { createApp } = require('./src/app');

// A real secret comes from configuration (an environment variable or a secret store), never the code.
// The fallback is for trying the exercise by hand only; the checks set JWT_SECRET to their own secret.
const secret = process.env.JWT_SECRET || 'dev-only-secret-change-me-0123456789abcdef';
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

createApp({ secret }).listen(port, host, () => {
  const token = jwt.sign({ sub: 'user-42', name: 'Ada' }, secret, { algorithm: 'HS256', expiresIn: '1h' });
  console.log(`Listening on http://localhost:${port}`);
  console.log(`Try: curl -i localhost:${port}/me -H "Authorization: Bearer ${token}"`);
});
