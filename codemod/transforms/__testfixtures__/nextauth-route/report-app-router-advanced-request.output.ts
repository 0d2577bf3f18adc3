import NextAuth from "next-auth";
import { authOptions, withTheme } from "@/lib/auth";

// The form is read on every request, not only the route's sign-in POST: with no request it throws.
async function handler(req: Request, ctx: { params: { nextauth: string[] } }) {
  const form = await req.clone().formData();
  return await NextAuth(req as any, ctx as any, withTheme(authOptions, form.get("theme")));
}

export { handler as GET, handler as POST };
