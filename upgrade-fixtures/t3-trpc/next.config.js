/** @type {import("next").NextConfig} */
const config = {
  reactStrictMode: true,
  // `next build` lints (.eslintrc.cjs, typed rules): a lint error fails the build.
  eslint: { dirs: ["src"] },
};

export default config;
