// The users, in memory: done, so the milestones are about authentication, not storage. Swap it for a
// database later; the routes only use these methods.
export type Role = 'user' | 'admin';

export interface User {
  id: number;
  email: string;
  passwordHash: string;
  role: Role;
}

export interface UserStore {
  /** Stores { email, passwordHash, role } under a new id (1, 2, 3, …) and returns the stored user. */
  insert(fields: Omit<User, 'id'>): User;
  /** The user with this id, or undefined. */
  get(id: number): User | undefined;
  /** The user with this email (compared as given: store emails in one case), or undefined. */
  findByEmail(email: string): User | undefined;
  /** Every user, oldest first. */
  all(): User[];
}

export function createUserStore(): UserStore {
  const users = new Map<number, User>();
  let lastId = 0;
  return {
    insert({ email, passwordHash, role }) {
      lastId += 1;
      const user: User = { id: lastId, email, passwordHash, role };
      users.set(user.id, user);
      return user;
    },
    get(id) {
      return users.get(id);
    },
    findByEmail(email) {
      return [...users.values()].find((u) => u.email === email);
    },
    all() {
      return [...users.values()];
    },
  };
}
