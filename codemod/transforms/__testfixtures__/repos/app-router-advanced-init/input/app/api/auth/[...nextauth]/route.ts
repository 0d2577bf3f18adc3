import NextAuth from "next-auth";
import { authOptions, buildAuthOptions } from "@/utils/auth";

// The sign-in form posts an "offline" checkbox; GitLab is asked for a refresh token only when it is ticked.
async function handler(req: Request, routeContext: { params?: { nextauth?: string[] } }) {
  let options = authOptions;

  if (
    req.method === "POST" &&
    routeContext.params?.nextauth?.[0] === "signin" &&
    routeContext.params.nextauth[1] === "gitlab"
  ) {
    const copy = req.clone();
    const form = await copy.formData();
    options = buildAuthOptions({ offlineAccess: form.get("offline") === "on" });
  }

  return await NextAuth(req as any, routeContext as any, options);
}

export { handler as GET, handler as POST };
