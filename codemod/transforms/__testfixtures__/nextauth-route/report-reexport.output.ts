// Mounts next-auth; the handler lives in lib/auth.
export { default } from "@/lib/auth/route-handler";
