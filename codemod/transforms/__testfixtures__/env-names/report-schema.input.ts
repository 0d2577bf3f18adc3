import { z } from "zod";

export const env = z.object({ NEXTAUTH_SECRET: z.string().min(32) }).parse(process.env);
process.env.NEXTAUTH_URL = "http://localhost:3000";
