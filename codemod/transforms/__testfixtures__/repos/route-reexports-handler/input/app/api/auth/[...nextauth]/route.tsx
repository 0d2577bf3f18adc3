import { sessionHandler } from "@/lib/session";

export { sessionHandler as GET, sessionHandler as POST };
