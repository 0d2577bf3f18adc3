// ==> auth.js
import NextAuth from 'next-auth'
import GithubProvider from 'next-auth/providers/github'

export const { handlers, auth, signIn, signOut } = NextAuth({
  providers: [GithubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET })],
})

// ==> app/api/auth/[...nextauth]/route.js
import { handlers } from '@/auth'

export const { GET, POST } = handlers
