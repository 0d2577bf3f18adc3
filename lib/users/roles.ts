/** The role list: one source of truth for the database check, the guards and the UI. */
export const ROLES = ["user", "admin"] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
