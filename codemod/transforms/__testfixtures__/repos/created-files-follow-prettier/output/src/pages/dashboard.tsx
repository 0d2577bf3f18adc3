import type { GetServerSideProps } from 'next'
import { auth } from '~/auth'

export const getServerSideProps: GetServerSideProps = async (ctx) => {
  const session = await auth(ctx)
  if (!session) return { redirect: { destination: '/login', permanent: false } }
  return { props: { name: session.user?.name ?? '' } }
}

export default function Dashboard({ name }: { name: string }) {
  return <p>Signed in as {name}</p>
}
