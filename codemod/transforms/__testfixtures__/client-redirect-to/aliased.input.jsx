import { signIn as login } from "next-auth/react";

export const LoginButton = () => <button onClick={() => login("google", { callbackUrl: "/dashboard", redirect: true })}>Log in</button>;
