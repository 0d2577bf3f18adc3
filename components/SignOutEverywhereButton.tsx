import { signOut } from "next-auth/react";
import { useState } from "react";

/** Ends every session of this account (other browsers within the re-check window), then this one. */
export function SignOutEverywhereButton() {
  const [error, setError] = useState<string | null>(null);

  async function signOutEverywhere() {
    setError(null);
    const response = await fetch("/api/me/sign-out-everywhere", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      return setError(body.error ?? "Could not sign out everywhere. Try again.");
    }
    await signOut({ callbackUrl: "/login" });
  }

  return (
    <div className="stack">
      <button type="button" className="button button-danger" onClick={signOutEverywhere}>
        Sign out everywhere
      </button>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
