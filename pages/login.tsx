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
  if (await getServerAuthSession(ctx)) return { redirect: { destination: callbackUrl, permanent: false } };
  return {
    props: { session: null, callbackUrl, error: loginErrorMessage(ctx.query.error), providers: oauthProviders() },
  };
};

export default function LoginPage({ callbackUrl, error, providers }: InferGetServerSidePropsType<typeof getServerSideProps>) {
  return (
    <Layout title="Sign in">
      <LoginForm callbackUrl={callbackUrl} error={error} providers={providers} />
    </Layout>
  );
}
