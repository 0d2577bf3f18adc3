/** @type {import('prettier').Config} */
const config = {};

export default config;
