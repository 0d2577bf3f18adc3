import { auth } from '../../../auth';
import type { NextApiRequest, NextApiResponse } from 'next';

// POST /api/post: a draft by the signed-in author.
export default async function handle(req: NextApiRequest, res: NextApiResponse) {
  const session = await auth(req, res);
  if (!session) return res.status(401).json({ message: 'Sign in first' });
  res.json({ author: session.user?.email, title: req.body.title });
}
