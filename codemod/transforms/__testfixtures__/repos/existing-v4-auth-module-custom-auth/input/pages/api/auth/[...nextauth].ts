import NextAuth from "next-auth";
import { config } from "../../../auth";

export default NextAuth(config);
