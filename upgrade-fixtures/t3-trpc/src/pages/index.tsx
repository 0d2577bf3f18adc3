import Link from "next/link";
import { signIn, signOut, useSession } from "next-auth/react";
import { api } from "~/utils/api";

export default function Home() {
  const greeting = api.auth.greeting.useQuery({ name: "T3" });
  const { data: sessionData } = useSession();
  const me = api.auth.me.useQuery(undefined, { enabled: sessionData?.user !== undefined });

  return (
    <main>
      <h1>T3 tRPC fixture</h1>
      <p>{greeting.data ? greeting.data.text : "Loading tRPC query..."}</p>
      {me.data && <p>Signed in as {me.data.email}</p>}
      <button onClick={sessionData ? () => void signOut() : () => void signIn()}>
        {sessionData ? "Sign out" : "Sign in"}
      </button>{" "}
      · <Link href="/dashboard">Dashboard</Link>
    </main>
  );
}
