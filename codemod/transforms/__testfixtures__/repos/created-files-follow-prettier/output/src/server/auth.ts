import type { NextAuthConfig } from 'next-auth'
import GitHubProvider from 'next-auth/providers/github'
import CredentialsProvider from 'next-auth/providers/credentials'
import { findUser } from '~/utils/users'

export const authOptions: NextAuthConfig = {
  session: { strategy: 'jwt', maxAge: 7 * 24 * 60 * 60 },
  providers: [
    GitHubProvider({
      clientId: process.env.GITHUB_ID ?? '',
      clientSecret: process.env.GITHUB_SECRET ?? '',
    }),
    CredentialsProvider({
      name: 'Password',
      credentials: {
        email: { label: 'Email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(v5Credentials) {
        // v5 types these as unknown: the cast keeps v4's types.
        const credentials = v5Credentials as Record<
          'email' | 'password',
          string
        >
        if (!credentials) return null
        return findUser(credentials.email, credentials.password)
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.role = (user as { role?: string }).role ?? 'user'
      return token
    },
    session({ session, token }) {
      return { ...session, role: token.role }
    },
  },
  pages: { signIn: '/login' },
}
