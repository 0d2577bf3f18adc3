import { type Session } from "next-auth";

// Only the type is used here; the session functions were left over from a refactor.
export const describeSession = (session: Session | null) =>
  session ? `signed in as ${session.user?.email}` : "signed out";
