import { handlers } from "@/utils/auth";

export const { GET, POST } = handlers;
