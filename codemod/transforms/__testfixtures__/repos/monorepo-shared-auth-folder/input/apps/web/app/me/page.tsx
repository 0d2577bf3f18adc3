import { currentUserId } from "@acme/db/auth/session";

export default async function Me() {
  return <p>{await currentUserId()}</p>;
}
