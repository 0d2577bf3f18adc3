import type { GetServerSideProps, InferGetServerSidePropsType } from "next";
import { Layout } from "@/components/Layout";
import { LoginForm } from "@/components/LoginForm";
import { loginErrorMessage } from "@/lib/auth/login-errors";
import { oauthProviders, type ProviderButton } from "@/lib/auth/providers";
import { safeLocalPath } from "@/lib/auth/redirect";
import { getServerAuthSession } from "@/lib/auth/session";
import { env } from "@/lib/env";

type LoginProps = {
  session: null;
  callbackUrl: string;
  error: string | null;
  providers: ProviderButton[];
};

export const getServerSideProps: GetServerSideProps<LoginProps> = async (ctx) => {
  const callbackUrl = safeLocalPath(ctx.query.callbackUrl, env().baseUrl, "/dashboard");
  // A signed-in visitor moves on, unless a sensitive action asked them to sign in again.
  const reauthenticate = ctx.query.reauth === "1";
  if (!reauthenticate && (await getServerAuthSession(ctx)))
    return { redirect: { destination: callbackUrl, permanent: false } };
  const error = loginErrorMessage(reauthenticate && !ctx.query.error ? "Reauthenticate" : ctx.query.error);
  return { props: { session: null, callbackUrl, error, providers: oauthProviders() } };
};

export default function LoginPage({
  callbackUrl,
  error,
  providers,
}: InferGetServerSidePropsType<typeof getServerSideProps>) {
  return (
    <Layout title="Sign in">
      <LoginForm callbackUrl={callbackUrl} error={error} providers={providers} />
    </Layout>
  );
}
