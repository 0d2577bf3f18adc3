import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

export const env = createEnv({
  server: {
    NEXTAUTH_SECRET: z.string(),
    GITHUB_ID: z.string(),
    SLACK_CLIENT_ID: z.string(),
  },
  experimental__runtimeEnv: process.env,
});
