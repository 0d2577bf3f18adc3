import type { NextAuthOptions } from "next-auth";
import { getServerSession as _getServerSession } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import GoogleProvider from "next-auth/providers/google";
import { db } from "../index.ts";

export const authOptions = (): NextAuthOptions => {
	let _providers: Provider[] | undefined;

	return {
		session: {
			strategy: "jwt",
		},
		get secret() {
			return process.env.NEXTAUTH_SECRET;
		},
		get providers() {
			if (_providers) return _providers;
			_providers = [
				GoogleProvider({
					clientId: process.env.GOOGLE_CLIENT_ID as string,
					clientSecret: process.env.GOOGLE_CLIENT_SECRET as string,
				}),
			];
			return _providers;
		},
		cookies: {
			sessionToken: {
				name: `next-auth.session-token`,
				options: { httpOnly: true, sameSite: "none", path: "/", secure: true },
			},
		},
		callbacks: {
			async session({ token, session }) {
				if (session.user && typeof token.sub === "string" && db().users.has(token.sub))
					(session.user as { id: string }).id = token.sub;
				return session;
			},
		},
	};
};

export const getServerSession = () => _getServerSession(authOptions());
