import Link from "next/link";
import { signIn, signOut, useSession } from "next-auth/react";

export default function Home() {
  const { data: session } = useSession();
  return (
    <main>
      <h1>Per-request options fixture</h1>
      {session ? (
        <p>
          {session.user.email} ({session.tenant}) <button onClick={() => signOut()}>Sign out</button>
        </p>
      ) : (
        <button onClick={() => signIn("github")}>Sign in</button>
      )}
      <Link href="/dashboard">Dashboard</Link> · <Link href="/admin">Admin</Link>
    </main>
  );
}
