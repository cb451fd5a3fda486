// Milestones 3 and 4: every value from the client is checked here before the store sees it.
// Each function answers { ok: true, value } or { ok: false, error: 'what is wrong, in words' }.

export const MAX_TITLE = 200;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export interface NewTodo {
  title: string;
  done: boolean;
}

export interface Changes {
  title?: string;
  done?: boolean;
}

export interface ListQuery {
  done?: boolean;
  limit: number;
  offset: number;
}

type Body = Record<string, unknown>;

const isObject = (body: unknown): body is Body => typeof body === 'object' && body !== null && !Array.isArray(body);

function checkTitle(title: unknown): Checked<string> {
  if (typeof title !== 'string') return { ok: false, error: 'title must be a string' };
  const trimmed = title.trim();
  if (trimmed.length === 0) return { ok: false, error: 'title must not be empty' };
  if (trimmed.length > MAX_TITLE) return { ok: false, error: `title must be at most ${MAX_TITLE} characters` };
  return { ok: true, value: trimmed };
}

function unknownFields(body: Body): string | undefined {
  const extra = Object.keys(body).filter((key) => key !== 'title' && key !== 'done');
  return extra.length > 0 ? `unknown field${extra.length > 1 ? 's' : ''}: ${extra.join(', ')}` : undefined;
}

/** POST /todos: { title, done? } and nothing else; the title trimmed, 1 to 200 characters. */
export function validateNewTodo(body: unknown): Checked<NewTodo> {
  if (!isObject(body)) return { ok: false, error: 'the body must be a JSON object' };
  const extra = unknownFields(body);
  if (extra) return { ok: false, error: extra };
  const title = checkTitle(body.title);
  if (!title.ok) return title;
  if (body.done !== undefined && typeof body.done !== 'boolean') return { ok: false, error: 'done must be true or false' };
  return { ok: true, value: { title: title.value, done: body.done ?? false } };
}

/** PATCH /todos/:id: title and/or done (at least one), the same rules, nothing else. */
export function validateChanges(body: unknown): Checked<Changes> {
  if (!isObject(body)) return { ok: false, error: 'the body must be a JSON object' };
  const extra = unknownFields(body);
  if (extra) return { ok: false, error: extra };
  const changes: Changes = {};
  if ('title' in body) {
    const title = checkTitle(body.title);
    if (!title.ok) return title;
    changes.title = title.value;
  }
  if ('done' in body) {
    if (typeof body.done !== 'boolean') return { ok: false, error: 'done must be true or false' };
    changes.done = body.done;
  }
  if (changes.title === undefined && changes.done === undefined) return { ok: false, error: 'nothing to change: send title or done' };
  return { ok: true, value: changes };
}

function wholeNumber(text: unknown, name: string, min: number, max: number): Checked<number> {
  const n = Number(text);
  if (typeof text !== 'string' || text.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    return { ok: false, error: `${name} must be a whole number from ${min}${max === Infinity ? ' up' : ` to ${max}`}` };
  }
  return { ok: true, value: n };
}

/** GET /todos: done ("true" or "false", optional), limit (1 to 100, default 20), offset (0 or more, default 0). */
export function parseListQuery(query: Record<string, unknown>): Checked<ListQuery> {
  const value: ListQuery = { limit: 20, offset: 0 };
  if (query.done !== undefined) {
    if (query.done !== 'true' && query.done !== 'false') return { ok: false, error: 'done must be true or false' };
    value.done = query.done === 'true';
  }
  if (query.limit !== undefined) {
    const limit = wholeNumber(query.limit, 'limit', 1, 100);
    if (!limit.ok) return limit;
    value.limit = limit.value;
  }
  if (query.offset !== undefined) {
    const offset = wholeNumber(query.offset, 'offset', 0, Infinity);
    if (!offset.ok) return offset;
    value.offset = offset.value;
  }
  return { ok: true, value };
}
