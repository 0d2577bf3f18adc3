import CredentialsProvider from "next-auth/providers/credentials";
import { checkPassword, findMember } from "./members";

async function signInMember(credentials) {
  try {
    const member = await findMember(credentials.email);
    if (!member) throw new Error("NoMember");
    if (!(await checkPassword(member, credentials.password))) throw new Error("BadPassword");
    return member;
  } catch (error) {
    console.error(error);
    throw error;
  }
}

export const password = CredentialsProvider({
  credentials: { email: {}, password: {} },
  authorize: signInMember,
});
