/** The tenants this deployment serves; the edge proxy names one in `x-tenant` on every request. */
export const TENANTS = ["default", "acme", "globex"] as const;
export type Tenant = (typeof TENANTS)[number];

/** The tenant a request's `x-tenant` header names, or the default one for an unknown or missing name. */
export function tenantOf(header: string | string[] | undefined): Tenant {
  const name = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase();
  return TENANTS.find((tenant) => tenant === name) ?? "default";
}

/** Each tenant's administrators (ADMIN_EMAILS for the default tenant). */
export function tenantAdmins(tenant: Tenant): string[] {
  const key = tenant === "default" ? "ADMIN_EMAILS" : `ADMIN_EMAILS_${tenant.toUpperCase()}`;
  return (process.env[key] ?? "").split(",").filter(Boolean);
}
