import type { AppProps } from "next/app";
import type { Session } from "next-auth";
import { SessionProvider } from "next-auth/react";
import { Forbidden } from "@/components/Forbidden";
import { ServiceUnavailable } from "@/components/ServiceUnavailable";
import { useFocusRefetchThrottle } from "@/components/useFocusRefetchThrottle";
import "@/styles/globals.css";

interface PageProps {
  /** Set by the server guards; when present the provider fetches nothing on first load. */
  session?: Session | null;
  /** Set by requireRole() for a user without the role, with status 403. */
  forbidden?: boolean;
  /** Set by the guards when the database is down, with status 503. */
  unavailable?: boolean;
}

/** After a focus refetch, further tab switches refetch nothing for this long. */
const FOCUS_REFETCH_QUIET_MS = 60_000;

/**
 * Refetch settings: no polling (every refetch re-runs the jwt callback and re-issues the
 * cookie), but a refetch when the tab becomes visible again, at most once a minute, so a role
 * change made while the tab was hidden reaches the client gates.
 */
export default function App({ Component, pageProps }: AppProps<PageProps>) {
  const throttledFocusRefetch = useFocusRefetchThrottle(FOCUS_REFETCH_QUIET_MS);
  return (
    <SessionProvider session={pageProps.session} refetchInterval={0} refetchOnWindowFocus={throttledFocusRefetch}>
      {pageProps.unavailable ? (
        <ServiceUnavailable />
      ) : pageProps.forbidden ? (
        <Forbidden />
      ) : (
        <Component {...pageProps} />
      )}
    </SessionProvider>
  );
}
