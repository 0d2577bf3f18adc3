import type { NextAuthConfig } from "next-auth";
import GitHub from "next-auth/providers/github";
export async function getOptions(input: { cookies: Partial<{ [key: string]: string }>; host?: string; tenant?: string | string[] }): Promise<NextAuthConfig> {
  return { providers: [GitHub({ clientId: input.host ?? "", clientSecret: String(input.tenant ?? input.cookies.ref ?? "") })] };
}
