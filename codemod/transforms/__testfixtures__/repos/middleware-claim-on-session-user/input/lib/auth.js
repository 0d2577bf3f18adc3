import GitHub from "next-auth/providers/github"

export const authOptions = {
  providers: [GitHub({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET })],
  callbacks: {
    jwt({ token, profile }) {
      if (profile) {
        token.role = profile.site_admin ? "admin" : "member"
        token.plan = "free"
      }
      return token
    },
    // The role reaches the client; the plan stays in the JWT.
    session({ session, token }) {
      return { ...session, user: { ...session.user, role: token.role } }
    },
  },
}
