import type { GetServerSideProps } from "next";
import ClientPage from "@/pages/client";

/**
 * Benchmark twin: /client under next-auth's stock SessionProvider settings (no session prop,
 * a refetch on every focus), for `npm run bench`'s client request counts.
 */
export const getServerSideProps: GetServerSideProps = async () => ({ props: {} });

function StockProviderPage() {
  return <ClientPage />;
}
StockProviderPage.stockSessionProvider = true;

export default StockProviderPage;
