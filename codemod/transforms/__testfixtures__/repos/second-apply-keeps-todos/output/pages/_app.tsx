import type { AppContext, AppProps } from "next/app";
import App from "next/app";
import { SessionProvider } from "next-auth/react";

// Server-side calls reach the app on its internal address.
const internalUrl = process.env.NEXTAUTH_URL_INTERNAL ?? "http://localhost:3000";

export default function MyApp({ Component, pageProps }: AppProps) {
  return (
    <SessionProvider session={pageProps.session}>
      <Component {...pageProps} />
    </SessionProvider>
  );
}

MyApp.getInitialProps = async (context: AppContext) => {
  const props = await App.getInitialProps(context);
  return { ...props, internalUrl };
};
