import type { OAuthConfig } from "next-auth/providers/oauth";
import type { GithubProfile } from "next-auth/providers/github";

export type GitHub = OAuthConfig<GithubProfile>;
