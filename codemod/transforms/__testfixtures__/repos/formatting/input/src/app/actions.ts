'use server';

import { revalidatePath } from 'next/cache';
import { getServerSession } from 'next-auth';
import { authOptions } from '@/server/auth';

export async function save() {
  const session = await getServerSession(authOptions);
  if (!session) throw new Error('Sign in first');
  revalidatePath('/');
}
