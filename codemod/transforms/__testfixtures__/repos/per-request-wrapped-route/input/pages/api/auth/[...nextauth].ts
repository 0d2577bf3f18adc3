import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth";
import { isValidCallbackUrl } from "@/lib/callbackUrl";
import { getAdClickIdsFromRequest } from "@/lib/signupAttribution";

const maxAuthErrorLength = 1_000;

// [action, provider], e.g. /api/auth/callback/credentials -> ["callback", "credentials"].
const getNextAuthSegments = (req: NextApiRequest): [string | undefined, string | undefined] => {
  const nextauth = req.query.nextauth;
  return Array.isArray(nextauth) ? [nextauth[0], nextauth[1]] : [nextauth, undefined];
};

const encodeAuthError = (error: unknown) =>
  typeof error === "string" && error.length <= maxAuthErrorLength ? encodeURIComponent(error) : "Configuration";

export default async function auth(req: NextApiRequest, res: NextApiResponse) {
  const [nextAuthAction, nextAuthProvider] = getNextAuthSegments(req);

  if (req.method === "HEAD") {
    return res.status(200).end();
  }

  const isCredentialsCallback = nextAuthAction === "callback" && nextAuthProvider === "credentials";
  if (isCredentialsCallback && req.method !== "POST") {
    console.warn(`Rejected ${req.method} to the credentials callback`);
    res.setHeader("Allow", "POST");
    return res.status(405).json({ message: "Method Not Allowed" });
  }

  const callbackUrlParam = req.query.callbackUrl;
  if (callbackUrlParam && !isValidCallbackUrl(callbackUrlParam)) {
    console.warn("Rejected an invalid callback URL", { path: req.url?.split("?")[0] });
    return res.status(400).json({ message: "Invalid callback URL" });
  }

  if (nextAuthAction === "callback" && typeof req.query.error_description === "string") {
    const description = req.query.error_description;
    return res.redirect(`/auth/sign-in?error_description=${encodeURIComponent(description)}`);
  }

  const authOptions = await getAuthOptions({
    adClickIds: getAdClickIdsFromRequest(req),
  });
  res.setHeader("Cache-Control", "no-store, no-cache, must-revalidate, proxy-revalidate");

  if (nextAuthAction === "error") {
    const error = req.query.error ?? nextAuthProvider;
    if (error !== undefined) req.query.error = encodeAuthError(error);
  }

  return await NextAuth(req, res, authOptions);
}
