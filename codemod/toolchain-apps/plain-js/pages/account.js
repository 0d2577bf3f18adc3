import { getServerSession } from 'next-auth';
import { signOut } from 'next-auth/react';
import { authOptions } from './api/auth/[...nextauth]';

export async function getServerSideProps(context) {
    const session = await getServerSession(context.req, context.res, authOptions);
    if (!session) {
        return { redirect: { destination: '/api/auth/signin', permanent: false } };
    }
    return { props: { session } };
}

export default function Account({ session }) {
    return (
        <main>
            <p>{session.user.email}</p>
            <button onClick={() => signOut({ callbackUrl: '/' })}>Sign out</button>
        </main>
    );
}
