import { type AuthOptions as Options } from "next-auth";

export const options: Options = { providers: [] };
