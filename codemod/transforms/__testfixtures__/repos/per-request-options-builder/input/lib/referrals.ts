// A tutor who signs up through a referral link is credited to the referrer.
export async function creditReferral(code: string, tutorId: string, clientIp?: string) {
  console.info(JSON.stringify({ code, tutorId, clientIp }));
}

export function firstForwardedIp(forwarded: string | string[] | undefined): string | undefined {
  const value = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  return value?.split(",")[0]?.trim();
}
