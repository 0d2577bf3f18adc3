import { signIn } from 'next-auth/react'

export default function Login() {
  return (
    <button onClick={() => signIn('github', { redirectTo: '/dashboard' })}>
      Sign in
    </button>
  )
}
