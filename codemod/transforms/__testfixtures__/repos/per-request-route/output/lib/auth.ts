import type { NextApiRequest } from "next";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";

export const authOptions: NextAuthOptions = { providers: [EmailProvider({ server: process.env.EMAIL_SERVER })] };

/** Sign-in is only allowed from the office network. */
export function optionsFor(req: NextApiRequest): NextAuthOptions {
  return { ...authOptions, callbacks: { signIn: () => req.socket.remoteAddress === process.env.OFFICE_IP } };
}
