import Link from "next/link";

export default function Home() {
  return (
    <main>
      <h1>Root-installed Next.js fixture</h1>
      <Link href="/api/auth/signin">Sign in</Link> · <Link href="/dashboard">Dashboard</Link> ·{" "}
      <Link href="/admin">Admin</Link>
    </main>
  );
}
