import { signIn } from "next-auth/react";

const options = { callbackUrl: "/dashboard" };
export const go = () => signIn("github", options);
