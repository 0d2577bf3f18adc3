import type { PageConfig } from "next";

// Mounts next-auth; the options and the request hardening (body included) live in lib/auth.
export { default } from "@/lib/auth/route-handler";

// Bodies are read by lib/http/body.ts, which answers JSON 413/415 and keeps the connection sound.
export const config: PageConfig = { api: { bodyParser: false } };
