// Stands in for the app's Prisma client.
export const db = {} as never
