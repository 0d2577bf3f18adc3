import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { auditRoute } from "@/lib/audit";

// The route context goes to the audit log as a whole: v5's config has no such context to give.
async function handler(req: Request, ctx: { params: { nextauth: string[] } }) {
  if (ctx.params.nextauth[0] === "callback") await auditRoute(ctx);
  return await NextAuth(req as any, ctx as any, authOptions);
}

export { handler as GET, handler as POST };
