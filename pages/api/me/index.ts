import type { PageConfig } from "next";
import { apiRoute } from "@/lib/api/route";

// Bodies are read by lib/http/body.ts, which answers JSON 413/415 and keeps the connection sound.
export const config: PageConfig = { api: { bodyParser: false } };

/** The signed-in user, as the server sees them. */
export default apiRoute({
  GET: {
    access: "signed-in",
    handle: ({ res, session }) => {
      const { id, email, name, role } = session.user;
      res.status(200).json({ id, email, name, role });
    },
  },
});
