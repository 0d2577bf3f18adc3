/** @type {import("next").NextConfig} */
const config = { transpilePackages: ["@acme/api", "@acme/auth", "next-auth"] };

export default config;
