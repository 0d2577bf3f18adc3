import Link from "next/link";

export default function Home() {
  return (
    <main>
      <h1>Credentials fixture</h1>
      <Link href="/login">Sign in</Link> · <Link href="/dashboard">Dashboard</Link> · <Link href="/admin">Admin</Link>
    </main>
  );
}
