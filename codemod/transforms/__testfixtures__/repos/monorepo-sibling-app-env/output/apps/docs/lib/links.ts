// The docs site does not use next-auth: these are its own settings.
export const signInUrl = `${process.env.NEXTAUTH_URL}/api/auth/signin`;
export const github = { clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET };
