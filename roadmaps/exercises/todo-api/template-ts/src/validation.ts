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

/** POST /todos: { title, done? } and nothing else; the title trimmed, 1 to 200 characters. */
export function validateNewTodo(body: unknown): Checked<NewTodo> {
  // TODO (milestone 3)
  throw new Error('validateNewTodo is not written yet (milestone 3)');
}

/** PATCH /todos/:id: title and/or done (at least one), the same rules, nothing else. */
export function validateChanges(body: unknown): Checked<Changes> {
  // TODO (milestone 3)
  throw new Error('validateChanges is not written yet (milestone 3)');
}

/** GET /todos: done ("true" or "false", optional), limit (1 to 100, default 20), offset (0 or more, default 0). */
export function parseListQuery(query: Record<string, unknown>): Checked<ListQuery> {
  // TODO (milestone 4)
  throw new Error('parseListQuery is not written yet (milestone 4)');
}
