import NextAuth from 'next-auth'
import { authOptions } from '@acme/auth-config'

export default NextAuth(authOptions)
