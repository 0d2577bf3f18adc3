import type { CallbacksOptions, DefaultUser } from "next-auth";
import { getToken } from "next-auth/jwt";
import { getServerSession, type NextAuthOptions as _Unused } from "next-auth/next";

export type Callbacks = Partial<CallbacksOptions>;
export type U = DefaultUser;
export { getToken, getServerSession };
