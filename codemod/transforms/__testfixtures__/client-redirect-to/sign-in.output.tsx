import { signIn, signOut } from "next-auth/react";

export function Buttons({ callbackUrl }: { callbackUrl: string }) {
  return (
    <>
      {/* the provider picker sends users back here */}
      <button onClick={() => signIn("github", { redirectTo: callbackUrl })}>GitHub</button>
      <button onClick={() => signOut({ redirectTo: "/" })}>Sign out</button>
    </>
  );
}
