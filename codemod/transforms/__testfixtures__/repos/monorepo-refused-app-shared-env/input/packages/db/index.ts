import { PrismaClient } from "@prisma/client";

export const prisma = new PrismaClient();

export function countUsers() {
  return prisma.user.count();
}
