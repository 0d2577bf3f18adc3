import { GetServerSideProps } from "next";
import { getServerSession } from "next-auth/next";
import { authOptions } from "./api/auth/[...nextauth]";

type Props = { admin: boolean };

export const getServerSideProps: GetServerSideProps<Props> = async (ctx) => {
  const session = await getServerSession(ctx.req, ctx.res, authOptions);
  if (!session) {
    return {
      redirect: { destination: "/api/auth/signin?callbackUrl=" + encodeURIComponent(ctx.resolvedUrl), permanent: false },
    };
  }
  if (session.user.role !== "admin") {
    ctx.res.statusCode = 403;
    return { props: { admin: false } };
  }
  return { props: { admin: true } };
};

export default function Admin({ admin }: Props) {
  return <main>{admin ? "You are an admin" : "Admins only"}</main>;
}
