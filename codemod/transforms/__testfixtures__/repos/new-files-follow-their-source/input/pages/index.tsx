import { greet } from '../lib/greeting'

export default function Home() {
  return <p>{greet(null)}</p>
}
