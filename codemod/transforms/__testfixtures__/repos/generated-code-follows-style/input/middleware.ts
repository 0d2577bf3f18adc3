import { withAuth } from 'next-auth/middleware'
import { NextResponse } from 'next/server'

// One stray semicolon, as codebases without them often have: the file is still semicolon-free.
export default withAuth(
    function middleware(req) {
        if (req.nextUrl.pathname === '/old-dashboard') {
            return NextResponse.redirect(new URL('/dashboard', req.url));
        }
    },
    {
        callbacks: {
            authorized: ({ token }) => !!token,
        },
        pages: {
            signIn: '/login',
        },
    }
)

export const config = {
    matcher: ['/dashboard/:path*', '/old-dashboard'],
}
