import type { AppProps } from "next/app";
import { SessionProvider } from "next-auth/react";
import type { ComponentType } from "react";

/**
 * The bench copy's _app (bench/support/twin-app.ts): a page marked `stockSessionProvider` renders
 * under next-auth's stock SessionProvider (no session prop, its default refetch settings); every
 * other page under the app's own _app, unchanged.
 */
export function withStockProviderTwin(App: ComponentType<AppProps>) {
  return function BenchApp(props: AppProps) {
    const { Component, pageProps } = props;
    if ((Component as { stockSessionProvider?: boolean }).stockSessionProvider !== true) return <App {...props} />;
    return (
      <SessionProvider>
        <Component {...pageProps} />
      </SessionProvider>
    );
  };
}
