import type { AppProps } from "next/app";
import { SessionProvider } from "next-auth/react";

export default function App({ Component, pageProps }: AppProps) {
  return (
    <SessionProvider basePath="/api/v2/auth" session={pageProps.session}>
      <Component {...pageProps} />
    </SessionProvider>
  );
}
