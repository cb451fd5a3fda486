// The to-dos, in memory: done, so the milestones are about HTTP, not storage. A Map keeps insertion
// order, so all() lists the oldest first. Swap it for a database later; the routes only use these.
function createStore() {
  const todos = new Map();
  let lastId = 0;
  return {
    /** The next id: 1, 2, 3, … (never handed out twice, even after a delete). */
    nextId() {
      lastId += 1;
      return lastId;
    },
    /** Stores a record (any fields you like) under record.id and returns it. */
    insert(record) {
      todos.set(record.id, record);
      return record;
    },
    /** The record with this id (a number), or undefined. */
    get(id) {
      return todos.get(id);
    },
    /** Every record, oldest first. */
    all() {
      return [...todos.values()];
    },
    /** Removes the record; true when there was one. */
    remove(id) {
      return todos.delete(id);
    },
  };
}

module.exports = { createStore };
