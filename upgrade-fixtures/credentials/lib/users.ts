import { scryptSync, timingSafeEqual } from "node:crypto";

export interface StoredUser {
  id: string;
  email: string;
  name: string;
  role: "admin" | "user";
  /** `scrypt$<salt hex>$<64-byte key hex>` */
  passwordHash: string;
}

/** The team's accounts (a small internal tool: no database). */
const USERS: StoredUser[] = [
  {
    id: "u_ada",
    email: "ada@example.com",
    name: "Ada Lovelace",
    role: "admin",
    passwordHash:
      "scrypt$8c9889182240820c02327b5c2c7af9dd$9e8638ddc715097b7071486b87b9d9a68cc7ef39c4cc3d211da79582af4b38ef0cd57041e36616959a512ee989ea84d69e1d9cfc353bf362d5d94cb6679aae1b",
  },
  {
    id: "u_grace",
    email: "grace@example.com",
    name: "Grace Hopper",
    role: "user",
    passwordHash:
      "scrypt$44b4eac020fc486f52e468738b15e6f6$5bb2d9bfd15ab6b9b42d499277047f5562c5ce93e10ba62f61f075e6ac544d08541df73c385fdf890fbde8e84e411b1e2d147e5743d7b7793ec283d691e23ab0",
  },
];

export function findUserByEmail(email: string): StoredUser | undefined {
  const wanted = email.trim().toLowerCase();
  return USERS.find((user) => user.email === wanted);
}

/** Whether `password` matches `stored`, compared in constant time. */
export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "hex");
  const actual = scryptSync(password, salt, expected.length);
  return timingSafeEqual(actual, expected);
}
