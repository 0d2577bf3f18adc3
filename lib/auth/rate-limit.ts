import { createHash } from "node:crypto";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";
import { env } from "@/lib/env";

/**
 * Failed credential sign-ins, limited per account and per client address, in the database so
 * every app instance shares the counts.
 * @see https://github.com/animir/node-rate-limiter-flexible
 */

export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`TooManyAttempts`);
    this.name = "TooManyAttemptsError";
  }

  get minutes(): number {
    return Math.max(1, Math.ceil(this.retryAfterSeconds / 60));
  }
}

interface Limiters {
  account: RateLimiterDrizzle;
  address: RateLimiterDrizzle;
}

let limiters: Promise<Limiters> | undefined;

function getLimiters(): Promise<Limiters> {
  limiters ??= getDb().then((db) => {
    const { accountAttempts, ipAttempts, windowSeconds } = env().rateLimit;
    const common = { storeClient: db, schema: rateLimits, duration: windowSeconds, clearExpiredByTimeout: false };
    return {
      account: new RateLimiterDrizzle({ ...common, keyPrefix: "signin-account", points: accountAttempts }),
      address: new RateLimiterDrizzle({ ...common, keyPrefix: "signin-address", points: ipAttempts }),
    };
  });
  return limiters;
}

// Emails are stored hashed: the table says how often, not who.
const accountKey = (email: string) => createHash("sha256").update(email).digest("hex");

function secondsUntil(res: RateLimiterRes | null): number {
  return Math.ceil((res?.msBeforeNext ?? 0) / 1000);
}

/** Throws TooManyAttemptsError when either the account or the address has used its attempts. */
export async function assertNotRateLimited(email: string, address: string): Promise<void> {
  const { account, address: byAddress } = await getLimiters();
  const [forAccount, forAddress] = await Promise.all([account.get(accountKey(email)), byAddress.get(address)]);
  const blocked = [
    [forAccount, account.points],
    [forAddress, byAddress.points],
  ].filter(([res, points]) => res && (res as RateLimiterRes).consumedPoints >= (points as number));
  if (blocked.length > 0) {
    throw new TooManyAttemptsError(Math.max(...blocked.map(([res]) => secondsUntil(res as RateLimiterRes))));
  }
}

/** Counts one failed attempt against both keys. */
export async function recordFailedSignIn(email: string, address: string): Promise<void> {
  const { account, address: byAddress } = await getLimiters();
  // consume() rejects with a RateLimiterRes once the points are used up: that is not an error here.
  const consume = (limiter: RateLimiterDrizzle, key: string) =>
    limiter.consume(key).catch((result: unknown) => {
      if (!(result instanceof RateLimiterRes)) throw result;
    });
  await Promise.all([consume(account, accountKey(email)), consume(byAddress, address)]);
}

/** A successful sign-in clears the account's count (the address keeps its own). */
export async function clearAccountFailures(email: string): Promise<void> {
  const { account } = await getLimiters();
  await account.delete(accountKey(email));
}
