import { parseForReading, range, type Node } from "./ast";
import type { Project } from "./project";

/**
 * Where the app's session callbacks put the JWT's claims, which v5 middleware reads from the session
 * (req.auth is the session callback's result, not the JWT). Read from every `callbacks: { session }`
 * of the project's code, so that several option sets (keep's auth.ts has one per provider setup)
 * must all agree before a read is rewritten.
 */
export interface SessionClaims {
  /**
   * The session path (`user.role`, `userRole`) every session callback copies `token.<claim>` to, when
   * they all agree and, in TypeScript, the app's next-auth module augmentation declares it.
   */
  certain(claim: string): string | undefined;
  /** The fix for a read of `token.<claim>` from `session` (an expression holding v5's session), for a to-do. */
  fix(claim: string, session: string): string;
  /** Top-level keys every session callback sets from the token: reading them from the session is right. */
  readonly sessionKeys: Set<string>;
}

interface Callbacks {
  /** Per session callback: claim → the session paths it copies it to. */
  copies: Map<string, Set<string>>[];
  /** Session callbacks the codemod cannot read: not a function here (`session: fromElsewhere`), or not `({ session, token })`. */
  opaque: number;
  /** The `declare module "next-auth"` texts (TypeScript). */
  augmentations: string[];
}

export function sessionClaims(project: Project, ts: boolean): SessionClaims {
  const found = sessionCallbacks(project);
  const agreed = (claim: string): string | undefined => {
    if (found.opaque > 0 || found.copies.length === 0) return undefined;
    const paths = found.copies.map((c) => c.get(claim));
    const first = paths[0];
    if (!first || first.size !== 1) return undefined;
    const [path] = first;
    return paths.every((p) => p?.size === 1 && p.has(path)) ? path : undefined;
  };
  const declared = (path: string) => !ts || found.augmentations.some((t) => declares(t, path));
  const sessionKeys = new Set<string>();
  for (const copies of found.copies)
    for (const claim of copies.keys()) {
      const path = agreed(claim);
      if (path && !path.includes(".")) sessionKeys.add(path);
    }
  return {
    certain: (claim) => {
      const path = agreed(claim);
      return path && declared(path) ? path : undefined;
    },
    fix: (claim, session) => fixFor(found, claim, session, agreed(claim), declared),
    sessionKeys,
  };
}

function fixFor(
  found: Callbacks,
  claim: string,
  session: string,
  agreed: string | undefined,
  declared: (path: string) => boolean,
): string {
  const read = (path: string) =>
    `${session}${path
      .split(".")
      .map((k) => `?.${k}`)
      .join("")}`;
  const suggested = `have the session callback set session.user.${claim} = token.${claim}, then read ${read(`user.${claim}`)}`;
  if (agreed)
    return `your session callback puts token.${claim} at session.${agreed}: read ${read(agreed)}${declared(agreed) ? "" : `, and declare ${agreed.split(".").pop()} on ${agreed.includes(".") ? "Session's user" : "Session"} in your next-auth module augmentation`}`;
  if (found.copies.length === 0 && found.opaque === 0)
    return `you have no session callback, so the session does not carry it: add one that sets session.user.${claim} = token.${claim}, then read ${read(`user.${claim}`)}`;
  if (found.opaque > 0)
    return `the codemod cannot see where your session callback puts token.${claim} (it is defined elsewhere, or does not take { session, token }): read the claim from the session where it puts it, or ${suggested}`;
  const places = [...new Set(found.copies.flatMap((c) => [...(c.get(claim) ?? [])]))];
  if (places.length === 0) return `your session callback does not copy token.${claim} onto the session: ${suggested}`;
  const copying = found.copies.filter((c) => c.has(claim)).length;
  return `your session callbacks put token.${claim} at ${places.map((p) => `session.${p}`).join(" and ")} (${copying} of ${found.copies.length} copy it): have every one copy it to one place, then read it there (${places.map(read).join(" / ")})`;
}

/** Whether a `declare module "next-auth"` text declares `path` (`userRole` on Session, `user.role` on Session or User). */
function declares(augmentation: string, path: string): boolean {
  const key = path.split(".").pop()!;
  const interfaces = path.includes(".") ? ["Session", "User"] : ["Session"];
  return interfaces.some((name) => {
    const body = interfaceBody(augmentation, name);
    return body !== undefined && new RegExp(`\\b${key}\\??\\s*:`).test(body);
  });
}

function interfaceBody(text: string, name: string): string | undefined {
  const at = new RegExp(`interface\\s+${name}\\b[^{]*\\{`).exec(text);
  if (!at) return undefined;
  let depth = 1;
  for (let i = at.index + at[0].length; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return text.slice(at.index + at[0].length, i);
  }
  return undefined;
}

function sessionCallbacks(project: Project): Callbacks {
  const found: Callbacks = { copies: [], opaque: 0, augmentations: [] };
  // The session bridge (legacy-v4-session) wraps the app's session callback and keeps what it returns.
  const code = (f: string) => /\.[cm]?[jt]sx?$/.test(f) && !f.endsWith(".d.ts") && !/(^|\/)legacy-v4-session\./.test(f);
  for (const file of project.files.filter(code)) {
    const text = project.read(file) ?? "";
    if (!/\bcallbacks\b/.test(text) || !/\bsession\b/.test(text)) continue;
    let parsed;
    try {
      parsed = parseForReading(file, text);
    } catch {
      continue;
    }
    const { j, root } = parsed;
    root.find(j.Node).forEach((p) => {
      const callbacks = p.node as Node;
      if (keyOf(callbacks) !== "callbacks" || callbacks.value?.type !== "ObjectExpression") return;
      for (const member of callbacks.value.properties as Node[]) {
        if (keyOf(member) !== "session") continue;
        const fn = member.type === "ObjectMethod" ? member : member.value;
        if (!readable(member.type === "ObjectMethod" ? member : fn)) found.opaque++;
        else found.copies.push(copiesIn(text.slice(range(fn).start, range(fn).end)));
      }
    });
  }
  found.augmentations = project.files
    .filter((f) => /\.[cm]?tsx?$/.test(f))
    .map((f) => project.read(f) ?? "")
    .filter((t) => /declare module ["']next-auth["']/.test(t));
  return found;
}

/** A function here whose parameter is `{ session, token, … }` or without token (no renaming, no rest), as the copies are read by those names. */
function readable(fn: Node | undefined): boolean {
  if (!fn || !/Function|ObjectMethod/.test(fn.type)) return false;
  const param = (fn.params as Node[])[0];
  if (param?.type !== "ObjectPattern") return false;
  return (param.properties as Node[]).every((p) => {
    const key = keyOf(p);
    if (key === undefined) return false;
    return (key !== "session" && key !== "token") || (p.value?.type === "Identifier" && p.value.name === key);
  });
}

/** claim → session paths, in one session callback's code. */
function copiesIn(code: string): Map<string, Set<string>> {
  const copies = new Map<string, Set<string>>();
  const add = (claim: string, path: string) => copies.set(claim, (copies.get(claim) ?? new Set()).add(path));
  // session.user.role = token.role; session.userRole = token.role as string
  for (const m of code.matchAll(/\bsession\.((?:user\.)?\w+)\s*=\s*token\??\.(\w+)\b/g)) add(m[2], m[1]);
  // user: { ...session.user, role: token.role }
  for (const m of code.matchAll(/\buser:\s*\{[^{}]*?\.\.\.session\.user\b[^{}]*\}/g))
    for (const c of m[0].matchAll(/\b(\w+):\s*token\??\.(\w+)\b/g)) add(c[2], `user.${c[1]}`);
  // return { ...session, userRole: token.role }
  for (const m of code.matchAll(/\{\s*\.\.\.session\s*,([^{}]*)/g))
    for (const c of m[1].matchAll(/\b(\w+):\s*token\??\.(\w+)\b/g)) add(c[2], c[1]);
  return copies;
}

function keyOf(p: Node): string | undefined {
  if (p.type !== "ObjectProperty" && p.type !== "ObjectMethod" && p.type !== "Property") return undefined;
  if (p.computed) return undefined;
  return p.key.type === "Identifier" ? p.key.name : typeof p.key.value === "string" ? p.key.value : undefined;
}
