import { auth } from "@/auth";
import { UserAvatar } from "@/components/UserAvatar";

export const dynamic = "force-dynamic";

/**
 * One App Router page: a server component reads the session with `auth()` (no arguments; it
 * reads the request headers) and renders the avatar. It denies on its own, as the seed's
 * "protect single page" does: middleware is only the first line.
 */
export default async function ServerPage() {
  const session = await auth();
  if (!session?.user) return <div className="card">Not authenticated</div>;
  return (
    <main className="container">
      <div className="card row">
        <UserAvatar name={session.user.name} image={session.user.image} large />
        <p>
          Signed in as {session.user.email} ({session.user.role}), read by a server component.
        </p>
      </div>
    </main>
  );
}
