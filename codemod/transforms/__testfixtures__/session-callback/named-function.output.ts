import type { AuthOptions, Session } from "next-auth";
import type { AdapterUser } from "next-auth/adapters";
import { adapter } from "./adapter";

function sessionCallback({ session, user }: { session: Session; user: AdapterUser }) {
  if (!session.user) return { user: session.user, expires: session.expires };
  return { expires: session.expires, user: { ...session.user, id: user.id } } as Session;
}

export const options: AuthOptions = {
  adapter,
  providers: [],
  callbacks: { session: sessionCallback },
};
