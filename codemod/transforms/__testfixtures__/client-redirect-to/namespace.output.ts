import * as NextAuthReact from "next-auth/react";

export async function go(next: string) {
  // credentials without a redirect
  await NextAuthReact.signIn("credentials", { email: "a@b.c", redirectTo: next, redirect: false });
}
