// @ts-check
import { MongoDBAdapter } from "@auth/mongodb-adapter";

/** @type {import("next-auth").NextAuthOptions} */
export const options = { adapter: MongoDBAdapter(clientPromise), providers: [] };
