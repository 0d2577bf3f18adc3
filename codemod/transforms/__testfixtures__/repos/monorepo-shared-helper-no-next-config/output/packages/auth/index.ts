export { authOptions } from "./src/auth-options";
export { getServerSession, handlers, auth, signIn, signOut } from "./src/get-session";
export type { Session } from "next-auth";
