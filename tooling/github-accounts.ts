/**
 * The accounts the local GitHub provider signs in as. Shared by the provider and the flows, so a
 * flow names the account it clicks at the consent page and knows what the app should show.
 */
export interface GithubAccount {
  id: number;
  login: string;
  name: string | null;
  /** What `GET /user` returns: null for an account that keeps its email private. */
  publicEmail: string | null;
  /** What `GET /user/emails` returns (scope `user:email`). */
  emails: { email: string; primary: boolean; verified: boolean; visibility: "public" | "private" | null }[];
}

export const GITHUB_ACCOUNTS = {
  /** A plain user with a public email. */
  octocat: {
    id: 583231,
    login: "octocat",
    name: "Mona Octocat",
    publicEmail: "mona@octo.example",
    emails: [{ email: "mona@octo.example", primary: true, verified: true, visibility: "public" }],
  },
  /** No name, a private email that only /user/emails reveals, and listed in ADMIN_EMAILS. */
  hubot: {
    id: 480938,
    login: "hubot",
    name: null,
    publicEmail: null,
    emails: [
      { email: "hubot-old@octo.example", primary: false, verified: false, visibility: null },
      { email: "hubot@octo.example", primary: true, verified: true, visibility: "private" },
    ],
  },
} satisfies Record<string, GithubAccount>;

export type GithubLogin = keyof typeof GITHUB_ACCOUNTS;

/** The emails that the run puts in ADMIN_EMAILS. */
export const GITHUB_ADMIN_EMAILS = [GITHUB_ACCOUNTS.hubot.emails[1].email];

/** The OAuth app registered at the local provider. */
export const OAUTH_CLIENT = { id: "e2e-client-id", secret: "e2e-client-secret-0123456789abcdef" } as const;

/** The app's settings for signing in with GitHub at the local provider on `providerUrl`. */
export function localGithubSettings(providerUrl: string): Record<string, string> {
  return {
    AUTH_GITHUB_ID: OAUTH_CLIENT.id,
    AUTH_GITHUB_SECRET: OAUTH_CLIENT.secret,
    AUTH_GITHUB_ENTERPRISE_URL: providerUrl,
    ADMIN_EMAILS: GITHUB_ADMIN_EMAILS.join(","),
  };
}
