// Stands in for the app's Prisma client.
const prisma = {} as never;
export default prisma;
