import * as z from 'zod/mini';
import { en } from 'zod/locales';

// zod's JIT probes `navigator` and `new Function`: the extension host reports the first as a
// PendingMigrationError, and the webview's CSP blocks the second. Plain parsing is fast enough.
// zod/mini ships no messages by default; only the English locale is bundled.
z.config({ jitless: true, ...en() });
