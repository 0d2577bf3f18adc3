import { Forbidden } from "@/components/Forbidden";

/** Where middleware sends a signed-in user without the role. Guarded pages render it themselves. */
export default function ForbiddenPage() {
  return <Forbidden />;
}
