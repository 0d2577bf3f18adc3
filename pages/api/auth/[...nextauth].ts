// Mounts next-auth; the options and the request hardening live in lib/auth.
export { default } from "@/lib/auth/route-handler";
