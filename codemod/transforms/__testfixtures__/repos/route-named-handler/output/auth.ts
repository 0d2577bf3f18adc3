import NextAuth from "next-auth";
import { PrismaAdapter } from '@auth/prisma-adapter'
import GitHubProvider from 'next-auth/providers/github'
import prisma from './lib/prisma';
import { withLegacyV4 } from './legacy-v4-session';

const options = {
  providers: [
    GitHubProvider({
      clientId: process.env.GITHUB_ID,
      clientSecret: process.env.GITHUB_SECRET,
    }),
  ],
  adapter: PrismaAdapter(prisma),
  secret: process.env.SECRET,
};

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(options);
