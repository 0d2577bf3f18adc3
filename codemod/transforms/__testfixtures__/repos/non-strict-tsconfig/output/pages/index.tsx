export default function Home() {
  return <a href="/api/auth/signin">Sign in</a>;
}
