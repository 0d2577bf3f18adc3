import type { GetServerSideProps } from 'next'
import { getServerSession } from 'next-auth'
import { authOptions } from '~/server/auth'

export const getServerSideProps: GetServerSideProps = async (ctx) => {
  const session = await getServerSession(ctx.req, ctx.res, authOptions)
  if (!session) return { redirect: { destination: '/login', permanent: false } }
  return { props: { name: session.user?.name ?? '' } }
}

export default function Dashboard({ name }: { name: string }) {
  return <p>Signed in as {name}</p>
}
