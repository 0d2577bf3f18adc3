import type { OAuthConfig } from "next-auth/providers/oauth";
import type { GithubProfile } from "next-auth/providers/github";
import type { Env } from "@/lib/env";

type GithubConfig = NonNullable<Env["github"]>;

interface GithubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

/**
 * GitHub, or a GitHub Enterprise Server when AUTH_GITHUB_ENTERPRISE_URL is set
 * (its web UI at `<url>`, its REST API at `<url>/api/v3`).
 * @see https://docs.github.com/en/enterprise-server/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
 */
export function githubProvider({ clientId, clientSecret, enterpriseUrl }: GithubConfig): OAuthConfig<GithubProfile> {
  const web = enterpriseUrl ? enterpriseUrl.replace(/\/+$/, "") : "https://github.com";
  const api = enterpriseUrl ? `${web}/api/v3` : "https://api.github.com";
  return {
    id: "github",
    name: enterpriseUrl ? "GitHub Enterprise" : "GitHub",
    type: "oauth",
    issuer: `${web}/login/oauth`,
    clientId,
    clientSecret,
    checks: ["state"],
    authorization: { url: `${web}/login/oauth/authorize`, params: { scope: "read:user user:email" } },
    token: `${web}/login/oauth/access_token`,
    userinfo: {
      url: `${api}/user`,
      async request({ client, tokens }) {
        const profile = (await client.userinfo(tokens.access_token!)) as unknown as GithubProfile;
        // A private email is missing from /user; /user/emails has it when the scope allows.
        if (!profile.email) {
          const response = await fetch(`${api}/user/emails`, {
            headers: { Authorization: `token ${tokens.access_token}`, Accept: "application/json" },
          });
          if (response.ok) {
            const emails = (await response.json()) as GithubEmail[];
            profile.email =
              (emails.find((e) => e.primary && e.verified) ?? emails.find((e) => e.verified))?.email ?? null;
          }
        }
        return profile as unknown as Record<string, unknown>;
      },
    },
    profile(profile) {
      return {
        id: String(profile.id),
        name: profile.name ?? profile.login,
        email: profile.email,
        image: profile.avatar_url,
      };
    },
  };
}
