import NextAuth, { type NextAuthOptions } from "next-auth";
import { ledgerAuthOptions } from "@/lib/auth-options";
import { recordAuthEvent } from "@/lib/audit";

export const fetchCache = "force-no-store";

const handler = async (req: Request, ctx: { params: { nextauth: string[] } }) => {
  const traceId = req.headers.get("X-Trace-Id") ?? undefined;

  const options: NextAuthOptions = {
    ...ledgerAuthOptions,
    events: {
      ...ledgerAuthOptions.events,
      async signIn({ user }) {
        await recordAuthEvent("sign-in", traceId, user.id);
      },
      async signOut({ token }) {
        await recordAuthEvent("sign-out", traceId, token?.sub);
      },
    },
  };

  return NextAuth(options)(req, ctx);
};

export { handler as GET, handler as POST };
