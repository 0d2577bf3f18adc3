import { getServerSession } from "next-auth";
import { db } from "../";
import { authOptions } from "./auth-options";

export const getSession = async () => {
	const session = await getServerSession(authOptions());

	return session;
};

export const getCurrentUser = async () => {
	const session = await getServerSession(authOptions());

	if (!session?.user?.email) return null;
	return [...db().users.values()].find((u) => u.email === session.user?.email) ?? null;
};
