// Milestones 3 and 4: every value from the client is checked here before the store sees it.
// Each function answers { ok: true, value } or { ok: false, error: 'what is wrong, in words' }.

const MAX_TITLE = 200;

/** POST /todos: { title, done? } and nothing else; the title trimmed, 1 to 200 characters. */
function validateNewTodo(body) {
  // TODO (milestone 3)
  throw new Error('validateNewTodo is not written yet (milestone 3)');
}

/** PATCH /todos/:id: title and/or done (at least one), the same rules, nothing else. */
function validateChanges(body) {
  // TODO (milestone 3)
  throw new Error('validateChanges is not written yet (milestone 3)');
}

/** GET /todos: done ("true" or "false", optional), limit (1 to 100, default 20), offset (0 or more, default 0). */
function parseListQuery(query) {
  // TODO (milestone 4)
  throw new Error('parseListQuery is not written yet (milestone 4)');
}

module.exports = { MAX_TITLE, validateNewTodo, validateChanges, parseListQuery };
