/** @type {import("next").NextConfig} */
module.exports = { transpilePackages: ["next-auth"] };
