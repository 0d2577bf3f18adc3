import { unstable_getServerSession } from "next-auth/next";
import { authOptions } from "../lib/auth";

// Only middleware guards this page (its matcher lists it), as many v4 apps do.
export async function getServerSideProps({ req, res }) {
  const session = await unstable_getServerSession(req, res, authOptions());
  return { props: { email: session?.user?.email ?? null } };
}

export default function Dashboard({ email }) {
  return <main>Signed in as {email}</main>;
}
