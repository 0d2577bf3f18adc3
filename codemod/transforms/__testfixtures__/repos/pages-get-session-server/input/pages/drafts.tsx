import type { GetServerSideProps } from "next";
import { getSession } from "next-auth/react";

type Props = { drafts: string[] };

export default function Drafts({ drafts }: Props) {
  return <ul>{drafts.map((d) => <li key={d}>{d}</li>)}</ul>;
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res }) => {
  const session = await getSession({ req });
  if (!session) {
    res.statusCode = 403;
    return { props: { drafts: [] } };
  }
  return { props: { drafts: [`draft of ${session.user?.name}`] } };
};
