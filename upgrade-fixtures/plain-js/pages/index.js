export default function Home() {
  return (
    <main>
      <h1>Plain JavaScript fixture</h1>
      <a href="/api/auth/signin">Sign in</a> · <a href="/dashboard">Dashboard</a>
    </main>
  );
}
