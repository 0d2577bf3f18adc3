import type { User } from "next-auth";
import { z } from "zod";
import { verifyAgainstDummyHash, verifyPassword } from "@/lib/auth/password";
import { findUserByEmail } from "@/lib/users/repository";

/** What the sign-in form may send. Anything else is a failed sign-in, like a wrong password. */
export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  password: z.string().min(1).max(256),
});

/**
 * The Credentials provider's `authorize`. Every failure returns null, never throws: v4 puts a
 * thrown message into the redirect URL, which would tell an attacker which emails exist.
 */
export async function authorizeCredentials(raw: unknown): Promise<User | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  const user = await findUserByEmail(email);
  if (!user?.passwordHash) return verifyAgainstDummyHash(password).then(() => null);
  const valid = await verifyPassword(password, user.passwordHash);
  if (!valid || user.disabled) return null;

  return { id: user.id, email: user.email, name: user.name, image: user.image, role: user.role as User["role"] };
}
