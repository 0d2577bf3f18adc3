import type { NextApiRequest, NextApiResponse } from 'next'
import { auth } from '@/auth'

export default async function me(req: NextApiRequest, res: NextApiResponse) {
  res.json(await auth(req, res))
}
