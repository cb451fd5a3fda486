// An HTTP response and the rule that compares it with what a step expects: one rule for responses
// to http steps (fetch) and for responses read off a raw TCP connection (tcp steps).
import { match, show } from './match';
import type { Mismatch, Saved } from './match';
import type { ResponseExpect } from './schema';

export interface HttpResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  text: string;
  json?: unknown;
}

/** The body parsed as JSON, or undefined when it is empty or not JSON. */
export function parseJsonBody(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

export function checkResponse(expect: ResponseExpect, response: HttpResponse, saved: Saved): Mismatch[] {
  const out: Mismatch[] = [];
  if (expect.status !== undefined && response.status !== expect.status) {
    // The wrong status says it all; field by field differences of an error body would only bury it.
    return [{ path: 'status', expected: String(expect.status), actual: String(response.status) }];
  }
  for (const [name, want] of Object.entries(expect.headers ?? {})) {
    const key = name.toLowerCase();
    out.push(...match(want, Object.hasOwn(response.headers, key) ? response.headers[key] : undefined, saved, `headers.${key}`));
  }
  if (expect.json !== undefined) {
    if (response.json === undefined)
      out.push({ path: 'json', expected: 'a JSON body', actual: response.text ? show(response.text) : '(empty body)' });
    else out.push(...match(expect.json, response.json, saved, 'json'));
  }
  if (expect.text !== undefined) out.push(...match(expect.text, response.text, saved, 'text'));
  return out;
}
