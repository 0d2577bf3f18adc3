import type { ReactNode } from "react";
import "@/styles/globals.css";

/** The App Router's root layout. Only /server lives here; every other page stays in pages/. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
