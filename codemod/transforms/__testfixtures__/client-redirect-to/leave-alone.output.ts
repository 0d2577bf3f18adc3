import { signIn } from "./our-own-auth";

export const go = () => signIn("github", { callbackUrl: "/" });
export const url = new URL("/login?callbackUrl=/x", "http://localhost");
