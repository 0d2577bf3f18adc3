import { auth } from "./auth-options";
import { db } from "../";

export const getSession = async () => {
	const session = await auth();

	return session;
};

export const getCurrentUser = async () => {
	const session = await auth();

	if (!session?.user?.email) return null;
	return [...db().users.values()].find((u) => u.email === session.user?.email) ?? null;
};
