import type { NextAuthConfig } from 'next-auth'
import GitHubProvider from 'next-auth/providers/github'

export const authOptions: NextAuthConfig = {
    pages: {
        signIn: '/login',
    },
    providers: [
        GitHubProvider({
            clientId: process.env.GITHUB_ID ?? '',
            clientSecret: process.env.GITHUB_SECRET ?? '',
        }),
    ],
}
