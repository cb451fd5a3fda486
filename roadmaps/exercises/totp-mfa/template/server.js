const { createApp } = require('./src/app');

// The checks start the program with PORT and HOST set, and MFA_TEST_MODE=1, MFA_MAX_FAILURES=3 and
// MFA_LOCKOUT_SECONDS=300. Without them: port 3000, 5 wrong codes in a row lock an account for 15
// minutes, and the real clock is the only clock.
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const server = createApp({
  maxFailures: Number(process.env.MFA_MAX_FAILURES ?? 5),
  lockoutSeconds: Number(process.env.MFA_LOCKOUT_SECONDS ?? 900),
  testMode: process.env.MFA_TEST_MODE === '1',
});
server.listen(port, host, () => {
  console.log(`MFA API on http://${host}:${port} (POST /mfa/enroll, POST /mfa/verify)`);
});
