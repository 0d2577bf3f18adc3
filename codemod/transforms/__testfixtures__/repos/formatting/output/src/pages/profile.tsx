import type { GetServerSideProps } from 'next'
import { auth } from '@/auth'

import { Profile } from '@/components/profile'

export const getServerSideProps: GetServerSideProps = async (ctx) => {
	const session = await auth(ctx)
	return session ? { props: { session } } : { redirect: { destination: '/login', permanent: false } }
}

export default Profile
