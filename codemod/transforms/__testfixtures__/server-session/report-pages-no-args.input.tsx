import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth";

export async function getServerSideProps() {
  const session = await getServerSession(authOptions);
  return { props: { session } };
}
