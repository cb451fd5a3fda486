// Types and small helpers for the handlers (done for you).
import type { IncomingHttpHeaders } from 'node:http';
import type { Pool, PoolClient } from 'pg';

/** The pool, or one client of it inside a transaction: both have query(). */
export type Db = Pool | PoolClient;

/** What every handler gets. */
export interface HandlerInput {
  db: Pool;
  /** The :names of the route's path, as strings. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Header names are lower-case: headers['idempotency-key']. */
  headers: IncomingHttpHeaders;
  /** The body exactly as it arrived. */
  rawBody: Buffer;
  /** The body parsed as JSON; throws HttpError 400 when it is not JSON. */
  json: () => unknown;
  webhookSecret: string;
}

/** What every handler answers: the status and the value sent as JSON. */
export interface Reply {
  status: number;
  json: unknown;
}

export type Handler = (input: HandlerInput) => Promise<Reply>;

/** Thrown by a handler: the app answers `status` with { "error": message }. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The largest value of a PostgreSQL integer column. */
export const MAX_INT = 2147483647;

/** A JSON number that is a whole number from 0 up to MAX_INT (not a string, not 1.5). */
export const isWholeNumber = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_INT;

/** A plain JSON object (not null, not an array). */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A path id ("12") as a number, or null when it cannot be an id (so the handler answers 404). */
export function parseId(text: string): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const id = Number(text);
  return id >= 1 && id <= MAX_INT ? id : null;
}
