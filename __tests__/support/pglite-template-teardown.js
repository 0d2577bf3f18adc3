// Jest globalTeardown: removes the data directory pglite-template.js made.
module.exports = async function removePgliteTemplate() {
  globalThis.__PGLITE_TEMPLATE_CLEANUP__?.();
};
