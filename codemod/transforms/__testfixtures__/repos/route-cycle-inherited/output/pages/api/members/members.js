import { auth } from "../../../auth";
import { members } from "@lib/roster";

export default async function handler(req, res) {
  const session = await auth(req, res);
  if (!session) return res.status(401).json({ error: "sign in first" });
  return res.status(200).json(await members.list());
}

export async function findMemberByLogin(login) {
  return members.byLogin(login);
}

export async function welcomeMember(user) {
  await members.greet(user.email);
}
