import { signIn, signOut } from "next-auth/react";

export function AccountMenu({ signedIn }: { signedIn: boolean }) {
  return signedIn ? (
    <button onClick={() => signOut({ callbackUrl: "/" })}>Sign out</button>
  ) : (
    <button onClick={() => signIn("github", { callbackUrl: "/dashboard" })}>Sign in</button>
  );
}
