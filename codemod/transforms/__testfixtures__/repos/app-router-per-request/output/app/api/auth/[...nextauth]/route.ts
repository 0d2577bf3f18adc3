import { handlers } from "@/auth";

export const fetchCache = "force-no-store";

export const { GET, POST } = handlers;
