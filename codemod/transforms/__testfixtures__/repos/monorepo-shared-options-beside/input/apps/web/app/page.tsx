import { getCurrentUser } from "@acme/database/auth/session";

export default async function Home() {
	const user = await getCurrentUser();
	return <p>{user?.email ?? "signed out"}</p>;
}
