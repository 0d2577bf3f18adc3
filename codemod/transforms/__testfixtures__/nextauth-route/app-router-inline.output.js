// ==> auth.js
import NextAuth from 'next-auth'
import GithubProvider from 'next-auth/providers/github'
import { withLegacyV4 } from './legacy-v4-session'

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)({
  providers: [GithubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET })],
})

// ==> legacy-v4-session.js (codemod/templates/legacy-v4-session.ts)

// ==> app/api/auth/[...nextauth]/route.js
import { handlers } from '@/auth'

export const { GET, POST } = handlers
