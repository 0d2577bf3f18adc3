import type { Role } from "@/lib/users/roles";

/** What the app shows of a user: never the password hash. Shared by the API and the admin page. */
export interface PublicUser {
  id: string;
  email: string | null;
  name: string | null;
  image: string | null;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

/** What an admin may change about a user. */
export type UserChange = { role?: Role; disabled?: boolean };
