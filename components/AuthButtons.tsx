import { signIn, signOut } from "next-auth/react";

/** Opens our sign-in page (pages.signIn = /login). */
export function SignInButton() {
  return (
    <button type="button" className="button button-primary" onClick={() => signIn()}>
      Sign in
    </button>
  );
}

/** Starts the OAuth dance; v4 calls the destination `callbackUrl` (v5: `redirectTo`). */
export function ProviderSignInButton({ id, name, callbackUrl }: { id: string; name: string; callbackUrl: string }) {
  return (
    <button type="button" className="button button-dark" onClick={() => signIn(id, { callbackUrl })}>
      Sign in with {name}
    </button>
  );
}

export function SignOutButton() {
  return (
    <button type="button" className="button" onClick={() => signOut({ callbackUrl: "/" })}>
      Sign out
    </button>
  );
}
