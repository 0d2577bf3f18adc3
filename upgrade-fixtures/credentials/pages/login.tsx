import { signIn } from "next-auth/react";
import { useRouter } from "next/router";
import { useState, type FormEvent } from "react";

export default function Login() {
  const router = useRouter();
  const callbackUrl = typeof router.query.callbackUrl === "string" ? router.query.callbackUrl : "/dashboard";
  const [error, setError] = useState(typeof router.query.error === "string" ? "Sign-in failed" : "");
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirect: false,
      callbackUrl,
    });
    setPending(false);
    if (!result || result.error) return setError("Wrong email or password");
    await router.push(result.url ?? callbackUrl);
  }

  return (
    <main>
      <h1>Sign in</h1>
      <form onSubmit={submit}>
        <label>
          Email <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" disabled={pending}>
          Sign in
        </button>
        {error && <p role="alert">{error}</p>}
      </form>
      <button type="button" onClick={() => signIn("github", { callbackUrl })}>
        Sign in with GitHub
      </button>
    </main>
  );
}
