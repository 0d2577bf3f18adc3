// A local function that happens to share the name: not next-auth's.
import { getServerSession } from "./my-session";

export async function read(req: Request) {
  return getServerSession(req);
}
