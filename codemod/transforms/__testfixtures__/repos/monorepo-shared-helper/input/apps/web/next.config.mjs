/** @type {import("next").NextConfig} */
const config = { transpilePackages: ["@acme/api", "@acme/auth"] };

export default config;
