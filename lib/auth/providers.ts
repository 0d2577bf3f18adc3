import { githubProvider } from "@/lib/auth/github";
import { env } from "@/lib/env";

export interface ProviderButton {
  id: string;
  name: string;
}

/** The OAuth providers this deployment has configured (the credentials form is always shown). */
export function oauthProviders(): ProviderButton[] {
  const { github } = env();
  if (!github) return [];
  const { id, name } = githubProvider(github);
  return [{ id, name }];
}
