import type { OAuthConfig } from "next-auth/providers";
import type { GitHubProfile } from "next-auth/providers/github";

export type GitHub = OAuthConfig<GitHubProfile>;
