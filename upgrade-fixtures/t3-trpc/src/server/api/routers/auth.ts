import { z } from "zod";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "~/server/api/trpc";

export const authRouter = createTRPCRouter({
  greeting: publicProcedure.input(z.object({ name: z.string().min(1) })).query(({ input, ctx }) => ({
    text: `Hello ${input.name}${ctx.session ? ", you are signed in" : ""}`,
  })),

  me: protectedProcedure.query(({ ctx }) => {
    const { id, email, name, role } = ctx.session.user;
    return { id, email: email ?? null, name: name ?? null, role };
  }),
});
