import { authOptions } from '@/lib/auth'
import { db } from '@/lib/db'
import type { inferAsyncReturnType } from '@trpc/server'
import type { CreateNextContextOptions } from '@trpc/server/adapters/next'
import { getServerSession } from 'next-auth/next'

// tRPC's context: the session once per request, next-auth 4.2's ({ req, res }, options) form.
export const buildContext = async ({ req, res }: CreateNextContextOptions) => {
  const session = await getServerSession({ req, res }, authOptions)
  return { req, res, db, session }
}

export type Context = inferAsyncReturnType<typeof buildContext>
