import { getServerSession } from "@acme/database/auth/auth-options";

export const currentUserId = async () => {
	const session = await getServerSession();
	return (session?.user as { id?: string } | undefined)?.id ?? null;
};
