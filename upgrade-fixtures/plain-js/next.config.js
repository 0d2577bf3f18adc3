/** @type {import("next").NextConfig} */
module.exports = {
  // Some deployments serve the app under a path of a shared domain (BASE_PATH=/app).
  basePath: process.env.BASE_PATH ?? "",
};
