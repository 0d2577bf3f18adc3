import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { logSignIn } from "@/lib/audit";

// The builder reads the socket, which no v5 request carries: the route is reported, not rewritten.
function optionsFor(req: NextApiRequest) {
  return {
    providers: [EmailProvider({ server: process.env.EMAIL_SERVER, from: "desk@example.com" })],
    events: {
      signIn: ({ user }) => logSignIn(user.id, req.headers["user-agent"], req.socket.remoteAddress),
    },
  };
}

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  return NextAuth(req, res, optionsFor(req));
}
