import { redirect } from 'next/navigation'
import { authOptions, getAuthSession } from '@/lib/auth'

export default async function SettingsPage() {
  const session = await getAuthSession()
  if (!session?.user) redirect(authOptions?.pages?.signIn || '/login')
  return <p>{session.user.name}</p>
}
