import GithubProvider from "next-auth/providers/github";

const admins = () => (process.env.ADMIN_EMAILS ?? "").split(",").filter(Boolean);

/** GitHub, or a GitHub-compatible server at GITHUB_URL (its API under /api/v3). */
function github() {
  const web = process.env.GITHUB_URL?.replace(/\/+$/, "");
  return GithubProvider({
    clientId: process.env.GITHUB_ID,
    clientSecret: process.env.GITHUB_SECRET,
    ...(web && {
      authorization: { url: `${web}/login/oauth/authorize`, params: { scope: "read:user user:email" } },
      token: `${web}/login/oauth/access_token`,
      userinfo: { url: `${web}/api/v3/user` },
    }),
  });
}

/**
 * The session cookie's name where a deployment sets its own (SESSION_COOKIE_NAME), or asks for
 * `__Secure-` names on any protocol (SECURE_COOKIES=true); undefined: next-auth's default.
 */
export function sessionCookieName() {
  if (process.env.SESSION_COOKIE_NAME) return process.env.SESSION_COOKIE_NAME;
  return process.env.SECURE_COOKIES === "true" ? "__Secure-next-auth.session-token" : undefined;
}

const ownCookie = (name) => ({
  sessionToken: { name, options: { httpOnly: true, sameSite: "strict", path: "/", secure: name.startsWith("__Secure-") } },
});

/**
 * Built per request, so that the environment is read at run time.
 * @returns {import("next-auth").AuthOptions}
 */
export function authOptions() {
  return {
    providers: [github()],
    useSecureCookies: process.env.SECURE_COOKIES === "true" || undefined,
    cookies: process.env.SESSION_COOKIE_NAME ? ownCookie(process.env.SESSION_COOKIE_NAME) : undefined,
    callbacks: {
      jwt({ token, user }) {
        if (user) token.role = admins().includes(user.email) ? "admin" : "user";
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub, role: token.role } };
      },
    },
  };
}
