import { getSession } from "next-auth/react";

export function RefreshButton({ onSession }: { onSession: (email: string | null) => void }) {
  return (
    <button onClick={async () => onSession((await getSession({ broadcast: false }))?.user?.email ?? null)}>
      Refresh
    </button>
  );
}
