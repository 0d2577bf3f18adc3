import { title } from './format'

export function greet(name?: string | null) {
  if (!name) return 'Hello'
  return title(name)
}
