import { type Adapter } from "next-auth/adapters";

/** The app's own adapter (T3 has DrizzleAdapter here): an in-memory store. */
export function memoryAdapter(): Adapter {
  const users = new Map<
    string,
    { id: string; email: string; emailVerified: Date | null }
  >();
  return {
    async createUser(user) {
      const created = { ...user, id: String(users.size + 1) };
      users.set(created.id, created);
      return created;
    },
    async getUser(id) {
      return users.get(id) ?? null;
    },
    async getUserByEmail(email) {
      return Array.from(users.values()).find((u) => u.email === email) ?? null;
    },
    async getUserByAccount() {
      return null;
    },
    async updateUser(user) {
      const updated = { ...users.get(user.id)!, ...user };
      users.set(updated.id, updated);
      return updated;
    },
    async linkAccount() {
      return undefined;
    },
    async createSession(session) {
      return session;
    },
    async getSessionAndUser() {
      return null;
    },
    async updateSession() {
      return null;
    },
    async deleteSession() {
      return undefined;
    },
  };
}
