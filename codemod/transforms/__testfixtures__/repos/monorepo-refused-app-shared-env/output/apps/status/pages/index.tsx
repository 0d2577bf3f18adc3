import { countUsers } from "@fixture/db";

export default function Status({ users }: { users: number }) {
  return <p>{users} users</p>;
}

export async function getServerSideProps() {
  return { props: { users: await countUsers() } };
}
