import type { GetServerSideProps } from 'next'
import { getServerSession } from 'next-auth/next'

import { authOptions } from '@/server/auth'
import { Profile } from '@/components/profile'

export const getServerSideProps: GetServerSideProps = async (ctx) => {
	const session = await getServerSession(ctx.req, ctx.res, authOptions)
	return session ? { props: { session } } : { redirect: { destination: '/login', permanent: false } }
}

export default Profile
