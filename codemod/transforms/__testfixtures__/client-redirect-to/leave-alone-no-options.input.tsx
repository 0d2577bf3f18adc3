import { signIn } from "next-auth/react";
import { useRouter } from "next/router";

// Field test: signIn(id, undefined, authorizationParams) has no options, so no callbackUrl to rename.
const emailOptions = { redirect: false, email: "someone@example.com" };

export function SignInButtons({ id }: { id: string }) {
  const { query } = useRouter();
  const back = typeof query.callbackUrl === "string" ? query.callbackUrl : "/";
  return (
    <>
      <button onClick={() => signIn(id, undefined, { prompt: "login" })}>Sign in</button>
      <button onClick={() => signIn("google", null, { hd: "example.com" })}>Google</button>
      <button onClick={() => signIn("email", emailOptions)}>Email</button>
      <a href={back}>Back</a>
    </>
  );
}
