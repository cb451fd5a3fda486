// What every webview page and its host share: the id schema, the `ready` handshake and the shape
// of a page's contract. The webview bundles import this file too: no vscode or node imports.
import '../../domain/shared/zodSetup';
import * as z from 'zod/mini';

/** Topic, item and exercise ids as messages carry them. */
export const idSchema = z.string().check(z.minLength(1), z.maxLength(200));

/** The page's first message, sent once its listener is installed; the host posts nothing before it. */
export const readyMessageSchema = z.object({ type: z.literal('ready') });
export type ReadyMessage = z.infer<typeof readyMessageSchema>;

/**
 * One page's contract. Both sides parse every message they receive with it and drop what does
 * not match; the host also checks what it sends.
 */
export interface WebviewProtocol<HostMessage, PageMessage extends { type: string }, State> {
  /** Host to page. */
  host: z.ZodMiniType<HostMessage>;
  /** Page to host; includes `ready`. */
  page: z.ZodMiniType<PageMessage>;
  /** What the page keeps with setState, read back by the serializer after a reload. */
  state?: z.ZodMiniType<State>;
}

/** Ties the three schemas together so both sides infer the message types from one value. */
export function defineProtocol<HostMessage, PageMessage extends { type: string }, State = never>(
  protocol: WebviewProtocol<HostMessage, PageMessage, State>,
): WebviewProtocol<HostMessage, PageMessage, State> {
  return protocol;
}

export function isReady(message: { type: string }): message is ReadyMessage {
  return message.type === 'ready';
}

/** The start of a message for a log line: at most `max` characters, and never throws. */
export function messageExcerpt(raw: unknown, max = 500): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch {
    // Cycles and BigInts survive postMessage but not JSON.
    text = Object.prototype.toString.call(raw);
  }
  return text.slice(0, max);
}
