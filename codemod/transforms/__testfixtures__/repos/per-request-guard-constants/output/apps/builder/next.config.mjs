export default { reactStrictMode: true, transpilePackages: ["next-auth"] };
