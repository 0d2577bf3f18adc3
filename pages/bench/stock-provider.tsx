import type { GetServerSideProps } from "next";
import { benchTwinsEnabled } from "@/bench/app/twins";
import ClientPage from "@/pages/client";

/**
 * Benchmark twin: /client under next-auth's stock SessionProvider settings (no session prop,
 * a refetch on every focus), for `npm run bench`'s client request counts.
 * Answers 404 unless the app runs with BENCH_TWINS=1.
 */
export const getServerSideProps: GetServerSideProps = async () => (benchTwinsEnabled() ? { props: {} } : { notFound: true });

function StockProviderPage() {
  return <ClientPage />;
}
StockProviderPage.stockSessionProvider = true;

export default StockProviderPage;
