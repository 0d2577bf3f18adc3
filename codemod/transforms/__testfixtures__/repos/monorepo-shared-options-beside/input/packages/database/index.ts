export const db = () => ({ users: new Map<string, { id: string; email: string }>() });
