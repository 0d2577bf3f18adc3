import { apiRoute } from "@/lib/api/route";
import { listUsersResponse } from "@/lib/users/admin-api";

export default apiRoute({ GET: { access: "admin", handle: listUsersResponse } });
