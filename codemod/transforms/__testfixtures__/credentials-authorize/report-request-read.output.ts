import Credentials from "next-auth/providers/credentials";
import { verifyTicket } from "./tickets";

export const ticket = Credentials({
  credentials: { ticket: {} },
  async authorize(_credentials, req) {
    return verifyTicket(req.headers?.["x-ticket"]);
  },
});
