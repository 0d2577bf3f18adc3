import NextAuth from 'next-auth'
import { authOptions } from '@acme/auth-config'

export const { handlers, auth, signIn, signOut } = NextAuth(authOptions)
