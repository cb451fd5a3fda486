// The users, in memory: done, so the milestones are about authentication, not storage. Swap it for a
// database later; the routes only use these methods.
function createUserStore() {
  const users = new Map();
  let lastId = 0;
  return {
    /** Stores { email, passwordHash, role } under a new id (1, 2, 3, …) and returns the stored user. */
    insert({ email, passwordHash, role }) {
      lastId += 1;
      const user = { id: lastId, email, passwordHash, role };
      users.set(user.id, user);
      return user;
    },
    /** The user with this id (a number), or undefined. */
    get(id) {
      return users.get(id);
    },
    /** The user with this email (compared as given: store emails in one case), or undefined. */
    findByEmail(email) {
      return [...users.values()].find((u) => u.email === email);
    },
    /** Every user, oldest first. */
    all() {
      return [...users.values()];
    },
  };
}

module.exports = { createUserStore };
