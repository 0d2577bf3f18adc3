import type { InferGetServerSidePropsType } from "next";
import Link from "next/link";
import { ProviderSignInButton, SignInButton, SignOutButton } from "@/components/AuthButtons";
import { Layout } from "@/components/Layout";
import { UserAvatar } from "@/components/UserAvatar";
import { withOptionalSession } from "@/lib/auth/guards";
import { oauthProviders } from "@/lib/auth/providers";

export const getServerSideProps = withOptionalSession(async () => ({ props: { providers: oauthProviders() } }));

export default function Home({ session, providers }: InferGetServerSidePropsType<typeof getServerSideProps>) {
  return (
    <Layout title="Home">
      <div className="card stack">
        <h1>next-auth v4 on the Pages Router</h1>
        <p className="muted">
          A reference app: every v4 protection layer, each enforced on the server and proven by tests.
        </p>
        {session ? (
          <div className="row">
            <UserAvatar name={session.user.name} image={session.user.image} large />
            <div>
              <strong>{session.user.name ?? session.user.email}</strong>
              <div className="muted">
                Signed in as {session.user.email ?? "a user without email"} ({session.user.role})
              </div>
            </div>
            <SignOutButton />
          </div>
        ) : (
          <div className="row">
            <SignInButton />
            {providers.map((provider) => (
              <ProviderSignInButton key={provider.id} {...provider} callbackUrl="/dashboard" />
            ))}
          </div>
        )}
      </div>
      <div className="card">
        <h2>Pages</h2>
        <ul>
          <li>
            <Link href="/dashboard">Dashboard</Link>: signed-in users, checked on the server.
          </li>
          <li>
            <Link href="/admin">Admin</Link>: admins only, checked on the server.
          </li>
          <li>
            <Link href="/client">Client page</Link>: protected in the browser only, for comparison.
          </li>
        </ul>
      </div>
    </Layout>
  );
}
