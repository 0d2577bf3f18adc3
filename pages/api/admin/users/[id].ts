import type { PageConfig } from "next";
import { apiRoute } from "@/lib/api/route";
import { changeUserResponse, showUserResponse } from "@/lib/users/admin-api";

// apiRoute parses JSON itself, to answer bad JSON with a JSON error.
export const config: PageConfig = { api: { bodyParser: false } };

export default apiRoute({
  GET: { access: "admin", handle: showUserResponse },
  PATCH: { access: "admin", handle: changeUserResponse },
});
