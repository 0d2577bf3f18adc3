import { signIn } from 'next-auth/react'

export default function Login() {
  return (
    <button onClick={() => signIn('github', { callbackUrl: '/dashboard' })}>
      Sign in
    </button>
  )
}
