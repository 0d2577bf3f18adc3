import Head from "next/head";
import type { ReactNode } from "react";
import { Header } from "@/components/Header";

export function Layout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Head>
        <title>{`${title} · Auth Reference`}</title>
      </Head>
      <Header />
      <main className="main">{children}</main>
    </>
  );
}
