import type { PageConfig } from "next";
import { apiRoute } from "@/lib/api/route";
import { changeUserResponse, showUserResponse } from "@/lib/users/admin-api";

// Bodies are read by lib/http/body.ts, which answers JSON 413/415 and keeps the connection sound.
export const config: PageConfig = { api: { bodyParser: false } };

export default apiRoute({
  GET: { access: "admin", handle: showUserResponse },
  PATCH: { access: "admin", handle: changeUserResponse },
});
