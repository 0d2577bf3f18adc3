/** @type {import("next").NextConfig} */
const config = {
  reactStrictMode: true,
  transpilePackages: ["@auth/drizzle-adapter", "next-auth"],
};

export default config;
