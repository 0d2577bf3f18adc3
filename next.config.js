// @ts-check
// CommonJS on purpose: Next 13.5 and 14 cannot read next.config.ts.
const { version } = require("next/package.json");
const nextMajor = Number(version.split(".")[0]);

// PGlite ships WASM and must be loaded by Node, not bundled. The option moved in Next 15.
const externalPackages = ["@electric-sql/pglite", "pg"];

/**
 * Sent with every response. The CSP allows only our own scripts; `next dev` needs eval for
 * fast refresh, so development relaxes script-src. Avatars may come from any https host.
 */
function securityHeaders(dev = process.env.NODE_ENV === "development") {
  const csp = [
    "default-src 'self'",
    `script-src 'self'${dev ? " 'unsafe-eval' 'unsafe-inline'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  ...(nextMajor >= 15
    ? { serverExternalPackages: externalPackages }
    : { experimental: { serverComponentsExternalPackages: externalPackages } }),
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
};

module.exports = nextConfig;
