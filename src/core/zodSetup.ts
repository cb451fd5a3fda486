import { config } from 'zod/v4/core';

// zod's JIT probes `navigator` and `new Function`: the extension host reports the first as a
// PendingMigrationError, and the webview's CSP blocks the second. Plain parsing is fast enough.
config({ jitless: true });
