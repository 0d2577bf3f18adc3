export default function Home() {
  return (
    <main>
      <h1>Monorepo fixture</h1>
      <a href="/api/auth/signin">Sign in</a> · <a href="/dashboard">Dashboard</a>
    </main>
  );
}
