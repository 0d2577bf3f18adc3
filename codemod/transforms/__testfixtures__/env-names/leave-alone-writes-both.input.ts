// Preview deployments: the URL is set from Vercel's, under both names (v5 reads AUTH_URL first).
if (process.env.VERCEL_ENV === "preview") {
  process.env.NEXTAUTH_URL = `https://${process.env.VERCEL_URL}`;
  process.env.AUTH_URL = `https://${process.env.VERCEL_URL}`;
}
