import type { NextApiRequest, NextApiResponse } from 'next'
import { getServerSession } from 'next-auth/next'
import { authOptions } from '@acme/auth-config'

export default async function me(req: NextApiRequest, res: NextApiResponse) {
  res.json(await getServerSession(req, res, authOptions))
}
