// The to-dos, in memory: done, so the milestones are about HTTP, not storage. A Map keeps insertion
// order, so all() lists the oldest first. Swap it for a database later; the routes only use these.

export interface Todo {
  id: number;
  title: string;
  done: boolean;
  createdAt: string;
  /** Milestone 5: the id of the user it belongs to (the token's sub). Stored, never answered. */
  owner?: string;
}

export interface Store {
  /** The next id: 1, 2, 3, … (never handed out twice, even after a delete). */
  nextId(): number;
  /** Stores a to-do under its id and returns it. */
  insert(todo: Todo): Todo;
  /** The to-do with this id, or undefined. */
  get(id: number): Todo | undefined;
  /** Every to-do, oldest first. */
  all(): Todo[];
  /** Removes the to-do; true when there was one. */
  remove(id: number): boolean;
}

export function createStore(): Store {
  const todos = new Map<number, Todo>();
  let lastId = 0;
  return {
    nextId: () => (lastId += 1),
    insert: (todo) => {
      todos.set(todo.id, todo);
      return todo;
    },
    get: (id) => todos.get(id),
    all: () => [...todos.values()],
    remove: (id) => todos.delete(id),
  };
}
