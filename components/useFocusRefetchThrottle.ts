import { useEffect, useRef, useState } from "react";

/**
 * v4's SessionProvider refetches the session every time the tab becomes visible, with no throttle:
 * a burst of tab switches is a burst of /api/auth/session requests, each re-running the jwt
 * callback and re-issuing the cookie. This hook answers SessionProvider's `refetchOnWindowFocus`:
 * true for the first visibility change, then false for `quietMs`, so a burst costs one request.
 */
export function useFocusRefetchThrottle(quietMs: number): boolean {
  const [allowed, setAllowed] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    function onVisibilityChange() {
      // SessionProvider's own listener was registered first (child effects run first), so this
      // runs after the refetch it allowed.
      if (document.visibilityState !== "visible" || timer.current) return;
      setAllowed(false);
      timer.current = setTimeout(() => {
        timer.current = undefined;
        setAllowed(true);
      }, quietMs);
    }
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => {
      document.removeEventListener("visibilitychange", onVisibilityChange);
      clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [quietMs]);

  return allowed;
}
