import { apiRoute } from "@/lib/api/route";

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
