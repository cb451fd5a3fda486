// The CORS policy: which other origins' scripts may read this API's answers, and what they may send.
import type { IncomingHttpHeaders } from 'node:http';

/** The request headers a cross-origin script may send (compared without regard to case). */
export const ALLOWED_HEADERS = ['Content-Type', 'Authorization'];
/** How long (seconds) a browser may reuse a preflight's answer. */
export const MAX_AGE = '600';

/** What the policy needs of a request: its method and its headers (lower-case names). */
export interface CorsRequest {
  method?: string;
  headers: IncomingHttpHeaders;
}

export interface CorsDecision {
  /** An OPTIONS request with Access-Control-Request-Method: the caller answers it with 204 and stops. */
  preflight: boolean;
  /** The response headers to set. */
  headers: Record<string, string>;
}

/**
 * The allowlist from CORS_ORIGINS: exact origins separated by commas, spaces around them ignored,
 * empty entries dropped. "https://app.example.com, http://localhost:5173" → two origins.
 */
export function parseOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
}

/** True only for an origin that is, character for character, one of the allowlist's. */
export function isAllowedOrigin(origin: string | undefined, allowedOrigins: readonly string[]): boolean {
  return origin !== undefined && allowedOrigins.includes(origin);
}

/** The CORS headers for one request to a route that supports `routeMethods` (['GET', 'POST']). */
export function corsPolicy(req: CorsRequest, routeMethods: readonly string[], allowedOrigins: readonly string[]): CorsDecision {
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  // Whether the CORS headers are sent, and which, depends on these request headers: caches must
  // keep one copy per value.
  const headers: Record<string, string> = {
    Vary: preflight ? 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers' : 'Origin',
  };
  const origin = req.headers.origin;
  if (!isAllowedOrigin(origin, allowedOrigins)) return { preflight, headers };

  headers['Access-Control-Allow-Origin'] = origin as string;
  headers['Access-Control-Allow-Credentials'] = 'true';
  if (preflight) {
    headers['Access-Control-Allow-Methods'] = routeMethods.join(', ');
    headers['Access-Control-Allow-Headers'] = ALLOWED_HEADERS.join(', ');
    headers['Access-Control-Max-Age'] = MAX_AGE;
  }
  return { preflight, headers };
}
