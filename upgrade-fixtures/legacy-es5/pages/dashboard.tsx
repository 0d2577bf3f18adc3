import { GetServerSideProps } from "next";
import { getServerSession } from "next-auth/next";
import { authOptions } from "./api/auth/[...nextauth]";

type Props = { email: string | null };

export const getServerSideProps: GetServerSideProps<Props> = async (ctx) => {
  const session = await getServerSession(ctx.req, ctx.res, authOptions);
  if (!session) {
    return {
      redirect: { destination: "/api/auth/signin?callbackUrl=" + encodeURIComponent(ctx.resolvedUrl), permanent: false },
    };
  }
  return { props: { email: session.user.email || null } };
};

export default function Dashboard({ email }: Props) {
  return <main>Signed in as {email}</main>;
}
