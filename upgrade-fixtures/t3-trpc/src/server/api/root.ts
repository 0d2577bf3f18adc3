import { authRouter } from "~/server/api/routers/auth";
import { createCallerFactory, createTRPCRouter } from "~/server/api/trpc";

/** The app's API: every router, merged. */
export const appRouter = createTRPCRouter({
  auth: authRouter,
});

export type AppRouter = typeof appRouter;

/** Calls the API from the server, without HTTP. */
export const createCaller = createCallerFactory(appRouter);
