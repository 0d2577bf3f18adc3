/**
 * The one way server code reads the session: Auth.js v5's `auth`, with v5's signatures.
 * - getServerSideProps: `auth(ctx)`; API routes: `auth(req, res)`; App Router: `auth()`.
 * Each call runs the jwt and session callbacks; `res` gets a cookie only when it changed or is due (session-read.ts).
 * `auth()` without arguments reads `next/headers` and only works in the App Router.
 * @see https://authjs.dev/reference/nextjs#auth
 */
export { auth } from "@/auth";
