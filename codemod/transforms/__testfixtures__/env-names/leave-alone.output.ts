// Not auth variables, and already v5 names.
export const port = process.env.PORT;
export const secret = process.env.AUTH_SECRET;
export const db = process.env.DATABASE_URL;
