import { type NextAuthConfig as Options } from "next-auth";

export const options: Options = { providers: [] };
