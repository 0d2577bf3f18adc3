import type { User } from "next-auth";
import { z } from "zod";
import { verifyAgainstDummyHash, verifyPassword } from "@/lib/users/password";
import {
  assertNotRateLimited,
  clearAccountFailures,
  recordFailedSignIn,
  TooManyAttemptsError,
} from "@/lib/auth/rate-limit";
import { isRole } from "@/lib/users/roles";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { findUserByEmail } from "@/lib/users/repository";

/** What the sign-in form may send. Anything else is a failed sign-in, like a wrong password. */
export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  password: z.string().min(1).max(256),
});

/** Error codes `authorize` throws on purpose; v4 passes the message to /login as `?error=`. */
export const SIGN_IN_ERROR = {
  serviceUnavailable: "ServiceUnavailable",
  tooManyAttempts: (minutes: number) => `TooManyAttempts:${minutes}`,
};

async function checkPassword(email: string, password: string): Promise<User | null> {
  const user = await findUserByEmail(email);
  if (!user?.passwordHash) return verifyAgainstDummyHash(password).then(() => null);
  const valid = await verifyPassword(password, user.passwordHash);
  if (!valid || user.disabled || !isRole(user.role)) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    image: user.image,
    role: user.role,
    sessionVersion: user.sessionVersion,
  };
}

/**
 * The Credentials provider's `authorize`. A wrong password, an unknown email and a malformed form
 * all return null, never a thrown message: v4 puts that message into the redirect URL, which
 * would tell an attacker which emails exist. Only rate limiting and an unreachable database
 * throw, with fixed codes that say nothing about the account.
 */
export async function authorizeCredentials(raw: unknown, clientAddress: string): Promise<User | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  try {
    await assertNotRateLimited(email, clientAddress);
    const user = await checkPassword(email, password);
    if (!user) {
      await recordFailedSignIn(email, clientAddress);
      return null;
    }
    await clearAccountFailures(email);
    return user;
  } catch (error) {
    if (error instanceof TooManyAttemptsError) throw new Error(SIGN_IN_ERROR.tooManyAttempts(error.minutes));
    if (isDatabaseUnavailable(error)) throw new Error(SIGN_IN_ERROR.serviceUnavailable);
    throw error;
  }
}
