type RequestWithCookies = { cookies: Partial<Record<string, string>> };

const CLICK_ID_PARAMS = ["gclid", "wbraid"] as const;

/** Ad click ids from first-party cookies, so that a new sign-up can be attributed. */
export function getAdClickIdsFromRequest(req: RequestWithCookies): Record<string, string> {
  const firstTouchUrl = getFirstTouchUrl(req);
  const clickIds: Record<string, string> = {};
  for (const param of CLICK_ID_PARAMS) {
    const value = req.cookies[`lf_${param}`] ?? firstTouchUrl?.searchParams.get(param);
    if (value) clickIds[param] = value;
  }
  return clickIds;
}

function getFirstTouchUrl(req: RequestWithCookies): URL | undefined {
  const raw = req.cookies.lf_first_touch_url;
  try {
    return raw ? new URL(raw) : undefined;
  } catch {
    return undefined;
  }
}
