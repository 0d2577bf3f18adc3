'use server';

import { revalidatePath } from 'next/cache';
import { auth } from '@/auth';

export async function save() {
  const session = await auth();
  if (!session) throw new Error('Sign in first');
  revalidatePath('/');
}
