import { handlers } from "@acme/database/auth/auth-options";

export const dynamic = "force-dynamic";

export const { GET, POST } = handlers;
