import { NextResponse } from "next/server";
import { prisma } from "@/lib/prisma";

// A cron route: it imported the session helper once and never called it.
export async function GET() {
  const stale = await prisma.upload.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 86_400_000) } } });
  return NextResponse.json({ removed: stale.count });
}
