import { getCsrfToken } from "next-auth/react";
import { useEffect, useState } from "react";
import { ProviderSignInButton } from "@/components/AuthButtons";
import type { ProviderButton } from "@/lib/auth/providers";

interface LoginFormProps {
  callbackUrl: string;
  error: string | null;
  providers: ProviderButton[];
}

/**
 * A plain HTML form posted to next-auth's credentials callback, with the CSRF token next-auth
 * checks. On failure next-auth redirects back here with `?error=CredentialsSignin`.
 */
export function LoginForm({ callbackUrl, error, providers }: LoginFormProps) {
  const [csrfToken, setCsrfToken] = useState<string | undefined>();

  useEffect(() => {
    let active = true;
    // Fetching the token also sets the CSRF cookie it is checked against.
    getCsrfToken().then((token) => active && setCsrfToken(token));
    return () => {
      active = false;
    };
  }, []);

  return (
    <div className="card narrow stack">
      <h1>Sign in</h1>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <form method="post" action="/api/auth/callback/credentials" className="stack">
        <input type="hidden" name="csrfToken" value={csrfToken ?? ""} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <div>
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="username" required maxLength={254} />
        </div>
        <div>
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={256}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={!csrfToken}>
          Sign in with email
        </button>
      </form>
      {providers.length > 0 && (
        <>
          <div className="divider">or</div>
          {providers.map((provider) => (
            <ProviderSignInButton key={provider.id} id={provider.id} name={provider.name} callbackUrl={callbackUrl} />
          ))}
        </>
      )}
    </div>
  );
}
