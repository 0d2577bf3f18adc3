export function title(name: string) {
  return `Hello, ${name}`
}

export const empty = ''
export const separator = ', '
