/** @type {import("next").NextConfig} */
export default {
  // next-auth 5 imports "next/server" without an extension, which Node cannot resolve unbundled.
  transpilePackages: ["next-auth"],
};
