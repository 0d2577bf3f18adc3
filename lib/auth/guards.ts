import type { GetServerSideProps, GetServerSidePropsContext, GetServerSidePropsResult } from "next";
import type { Session } from "next-auth";
import type { Role } from "@/lib/users/roles";
import { getServerAuthSession } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/db/errors";

/**
 * Composable `getServerSideProps` guards. The server decides; middleware and client gates are
 * conveniences on top. Each guard passes the session as a prop so that SessionProvider starts
 * with it and the page fetches nothing on first load.
 */

type Props = Record<string, unknown>;
/** Loads a page's own props once the guard has let the request through. */
type Loader<P extends Props, S> = (ctx: GetServerSidePropsContext, session: S) => Promise<GetServerSidePropsResult<P>>;

export type SessionProps = { session: Session };
/** What a signed-in user without the role gets: `_app` renders the 403 page for it. */
export type ForbiddenProps = { session: Session; forbidden: true };
/** What a request gets when the database cannot be reached: `_app` renders the 503 page. */
export type UnavailableProps = { session: null; unavailable: true };

/** The login page, coming back to `path` after sign-in. */
export function loginRedirect(path: string) {
  return { redirect: { destination: `/login?callbackUrl=${encodeURIComponent(path)}`, permanent: false } } as const;
}

/** Fails closed with 503 when the database is down: neither the page nor a stale session is trusted. */
function serviceUnavailable(ctx: GetServerSidePropsContext): { props: UnavailableProps } {
  ctx.res.statusCode = 503;
  ctx.res.setHeader("Retry-After", "30");
  return { props: { session: null, unavailable: true } };
}

function runLoader<P extends Props, S>(load: Loader<P, S> | undefined, ctx: GetServerSidePropsContext, session: S) {
  return load ? load(ctx, session) : Promise.resolve({ props: {} as P });
}

async function addSession<P extends Props, S>(result: GetServerSidePropsResult<P>, session: S) {
  if (!("props" in result)) return result;
  return { props: { ...(await result.props), session } };
}

/** Runs a guard body, turning an unreachable database into the 503 page. */
async function failClosed<T>(
  ctx: GetServerSidePropsContext,
  body: () => Promise<T>,
): Promise<T | { props: UnavailableProps }> {
  try {
    return await body();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return serviceUnavailable(ctx);
    throw error;
  }
}

/** Public pages that still show who is signed in. */
export function withOptionalSession<P extends Props = Props>(
  load?: Loader<P, Session | null>,
): GetServerSideProps<P & { session: Session | null }> {
  return async (ctx) => {
    const session = await getServerAuthSession(ctx);
    const visible = session?.accessUnverified ? null : session;
    return addSession(await runLoader(load, ctx, visible), visible);
  };
}

/** Signed-in users only; anyone else goes to /login?callbackUrl=<this page>. */
export function requireSession<P extends Props = Props>(
  load?: Loader<P, Session>,
): GetServerSideProps<(P & SessionProps) | UnavailableProps> {
  return (ctx) =>
    failClosed(ctx, async () => {
      const session = await getServerAuthSession(ctx);
      if (!session) return loginRedirect(ctx.resolvedUrl);
      if (session.accessUnverified) return serviceUnavailable(ctx);
      return addSession(await runLoader(load, ctx, session), session);
    }) as Promise<GetServerSidePropsResult<(P & SessionProps) | UnavailableProps>>;
}

/** Users with `role` only. A signed-in user without it gets a 403 page, not a trip to /login. */
export function requireRole<P extends Props = Props>(
  role: Role,
  load?: Loader<P, Session>,
): GetServerSideProps<(P & SessionProps) | ForbiddenProps | UnavailableProps> {
  return requireSession<P | { forbidden: true }>(async (ctx, session) => {
    if (session.user.role === role) return runLoader(load, ctx, session);
    ctx.res.statusCode = 403;
    return { props: { forbidden: true as const } };
  }) as GetServerSideProps<(P & SessionProps) | ForbiddenProps | UnavailableProps>;
}
