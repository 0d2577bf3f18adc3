import type { PageConfig } from "next";
import { apiRoute } from "@/lib/api/route";
import { signOutEverywhereResponse } from "@/lib/users/sessions-api";

// Bodies are read by lib/http/body.ts, which answers JSON 413/415 and keeps the connection sound.
export const config: PageConfig = { api: { bodyParser: false } };

export default apiRoute({ POST: { access: "signed-in", handle: signOutEverywhereResponse } });
