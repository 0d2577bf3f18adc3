import type { NextApiRequest, NextApiResponse } from 'next'
import { auth } from '@/auth'

export default async function me(req: NextApiRequest, res: NextApiResponse) {
    const session = await auth(req, res)
    if (!session) {
        return res.status(401).json({ error: 'signed out' })
    }
    res.json({ name: session.user?.name ?? null })
}
