import { apiRoute } from "@/lib/api/route";
import { signOutEverywhereResponse } from "@/lib/users/sessions-api";

export default apiRoute({ POST: { access: "signed-in", handle: signOutEverywhereResponse } });
