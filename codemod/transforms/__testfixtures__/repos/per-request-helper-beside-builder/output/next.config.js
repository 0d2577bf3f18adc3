module.exports = { transpilePackages: ["next-auth"] };
