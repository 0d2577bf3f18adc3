import Link from "next/link";

export default function Home() {
  return (
    <main>
      <h1>T3-shaped fixture</h1>
      <Link href="/api/auth/signin">Sign in</Link> · <Link href="/dashboard">Dashboard</Link>
    </main>
  );
}
