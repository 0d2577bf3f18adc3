const users = [
  {
    id: '1',
    email: 'ada@example.com',
    name: 'Ada',
    role: 'admin',
    password: 'secret',
  },
]

export async function findUser(email: string, password: string) {
  const user = users.find((u) => u.email === email && u.password === password)
  return user
    ? { id: user.id, email: user.email, name: user.name, role: user.role }
    : null
}
