import { unstable_getServerSession } from "next-auth/next";
import { authOptions } from "../../lib/auth";

export default async function me(req, res) {
  const session = await unstable_getServerSession(req, res, authOptions());
  if (!session) return res.status(401).json({ error: "Sign in first" });
  res.setHeader("Cache-Control", "private, no-store");
  return res.status(200).json({ id: session.user.id, email: session.user.email });
}
