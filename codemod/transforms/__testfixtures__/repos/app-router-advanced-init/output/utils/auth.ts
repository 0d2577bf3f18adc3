import NextAuth, { type NextAuthConfig } from "next-auth";
import GitLabProvider from "next-auth/providers/gitlab";
import { withLegacyV4 } from "./legacy-v4-session";

/** The options; `offlineAccess` asks GitLab for a refresh token (the sign-in form's checkbox). */
export const buildAuthOptions: (choices?: { offlineAccess?: boolean }) => NextAuthConfig = (choices) => ({
  session: { strategy: "jwt" },
  providers: [
    GitLabProvider({
      clientId: process.env.GITLAB_CLIENT_ID!,
      clientSecret: process.env.GITLAB_CLIENT_SECRET!,
      authorization: { params: { scope: choices?.offlineAccess ? "read_user offline_access" : "read_user" } },
    }),
  ],
});

export const authOptions = buildAuthOptions();

// The sign-in form posts an "offline" checkbox; GitLab is asked for a refresh token only when it is ticked.
export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(async (req) => {
  let options = authOptions;

  if (
    req?.method === "POST" &&
    nextAuthSegmentsOf(req)?.[0] === "signin" &&
    nextAuthSegmentsOf(req)?.[1] === "gitlab"
  ) {
    const copy = req.clone();
    const form = await copy.formData();
    options = buildAuthOptions({ offlineAccess: form.get("offline") === "on" });
  }
  return options;
});

/**
 * v4's `params.nextauth`: the request path's segments under /api/auth/, where the route is mounted;
 * undefined when v5 hands the config no route request (`auth()` in a server component, `signIn()`).
 */
function nextAuthSegmentsOf(req: unknown) {
  if (!(req instanceof Request)) return undefined;
  const mount = "/api/auth/";
  const { pathname } = new URL(req.url);
  if (!pathname.startsWith(mount)) return undefined;
  return pathname.slice(mount.length).split("/").filter(Boolean).map(decodeURIComponent);
}

/** The signed-in session, for server components and route handlers. */
export const getMailboxSession = () => auth();
