import { useRouter } from "next/router";
import { useState } from "react";
import type { PublicUser, UserChange } from "@/lib/users/types";

/** Users with role and status, and the admin actions on them. Every change goes through the API. */
export function UsersTable({ users, currentUserId }: { users: PublicUser[]; currentUserId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string; reauthenticate?: boolean } | null>(null);

  async function change(user: PublicUser, update: UserChange, done: string) {
    setPending(user.id);
    setMessage(null);
    try {
      const response = await fetch(`/api/admin/users/${user.id}`, {
        method: "PATCH",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(update),
      });
      const body = (await response.json().catch(() => ({}))) as { error?: string; reauthenticate?: boolean };
      setMessage(
        response.ok
          ? { ok: true, text: done }
          : { ok: false, text: body.error ?? "The change failed.", reauthenticate: body.reauthenticate },
      );
      // Re-run getServerSideProps so the table shows what the database now holds.
      await router.replace(router.asPath, undefined, { scroll: false });
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="stack">
      {message && (
        <p className={message.ok ? "alert alert-ok" : "alert alert-error"} role="status">
          {message.text}{" "}
          {message.reauthenticate && (
            <a href={`/login?reauth=1&callbackUrl=${encodeURIComponent(router.asPath)}`}>Sign in again</a>
          )}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th>User</th>
            <th>Role</th>
            <th>Status</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const label = user.name ?? user.email ?? user.id;
            const busy = pending === user.id;
            return (
              <tr key={user.id}>
                <td>
                  <div>{user.name ?? "—"}</div>
                  <div className="muted">
                    {user.email ?? "no email"}
                    {user.id === currentUserId ? " (you)" : ""}
                  </div>
                </td>
                <td>
                  <span className={user.role === "admin" ? "badge badge-admin" : "badge"}>{user.role}</span>
                </td>
                <td>
                  <span className={user.disabled ? "badge badge-disabled" : "badge badge-active"}>
                    {user.disabled ? "disabled" : "active"}
                  </span>
                </td>
                <td>
                  <div className="row">
                    {user.role === "admin" ? (
                      <button
                        type="button"
                        className="button button-small"
                        disabled={busy}
                        onClick={() => change(user, { role: "user" }, `${label} is now a user.`)}
                      >
                        Demote {label}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button button-small"
                        disabled={busy}
                        onClick={() => change(user, { role: "admin" }, `${label} is now an admin.`)}
                      >
                        Promote {label}
                      </button>
                    )}
                    {user.disabled ? (
                      <button
                        type="button"
                        className="button button-small"
                        disabled={busy}
                        onClick={() => change(user, { disabled: false }, `${label} is enabled.`)}
                      >
                        Enable {label}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button button-small button-danger"
                        disabled={busy}
                        onClick={() => change(user, { disabled: true }, `${label} is disabled.`)}
                      >
                        Disable {label}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
