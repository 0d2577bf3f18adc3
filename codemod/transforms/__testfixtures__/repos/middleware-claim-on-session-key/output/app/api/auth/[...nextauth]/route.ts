import { handlers } from "../../../../auth";

// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.
export const { GET, POST } = handlers;
