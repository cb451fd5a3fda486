import { createApp } from './src/app';

// Settings come from the environment; the check sets its own. The fallbacks are for trying the service
// by hand only: a real secret comes from configuration, never from the code.
const settings = {
  secret: process.env.JWT_SECRET || 'dev-only-secret-change-me-0123456789abcdef',
  accessTokenSeconds: Number(process.env.ACCESS_TOKEN_SECONDS || 900),
  loginWindowSeconds: Number(process.env.LOGIN_WINDOW_SECONDS || 900),
  adminEmails: (process.env.ADMIN_EMAILS || '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean),
};
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

createApp(settings).listen(port, host, () => {
  console.log(`Listening on http://localhost:${port} (try: curl -i localhost:${port}/health)`);
});
