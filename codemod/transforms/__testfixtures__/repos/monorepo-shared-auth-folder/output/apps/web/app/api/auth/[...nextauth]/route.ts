import { handlers } from "@acme/db/auth/session";

export const { GET, POST } = handlers;
