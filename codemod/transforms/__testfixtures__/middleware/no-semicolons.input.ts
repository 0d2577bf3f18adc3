import { withAuth } from 'next-auth/middleware'

// Written without semicolons: each import still ends at its own line.
export default withAuth(function middleware(req) {
  const flags = Array.from(req.nextUrl.searchParams.keys())
  if (flags.includes('debug')) console.log('middleware', req.nextUrl.pathname)
})

export const config = { matcher: ['/dashboard/:path*'] }
