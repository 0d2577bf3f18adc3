import { getServerSession } from "next-auth/next";

// In pages/, a call without req and res threw in v4 already: it needs the page's context.
export async function getServerSideProps() {
  const session = await getServerSession();
  return { props: { signedIn: Boolean(session) } };
}
