import type { NextAuthConfig } from "next-auth";
import NextAuth from "next-auth";
import type { Provider } from "next-auth/providers/index";
import GoogleProvider from "next-auth/providers/google";
import { db } from "../index.ts";
import { withLegacyV4 } from "./legacy-v4-session";

export const authOptions = (): NextAuthConfig => {
	let _providers: Provider[] | undefined;

	return {
		session: {
			strategy: "jwt",
		},
		get secret() {
			return process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
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

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(() => ({ ...authOptions() }));

export const getServerSession = () => auth();
