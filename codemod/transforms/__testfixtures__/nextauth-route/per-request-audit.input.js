import NextAuth from "next-auth";
import { authOptions } from "../../../lib/auth";
import { audit } from "../../../lib/audit";

/** Every sign-in is logged with the address it came from. */
export default function auth(req, res) {
  const ip = req.headers["x-forwarded-for"] ?? "unknown";
  return NextAuth(req, res, {
    ...authOptions,
    callbacks: {
      ...authOptions.callbacks,
      async signIn(params) {
        await audit("sign-in", { ip, method: req.method, user: params.user.email });
        return authOptions.callbacks?.signIn?.(params) ?? true;
      },
    },
  });
}
