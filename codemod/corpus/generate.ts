import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A synthetic next-auth v4 Pages Router codebase: every pattern the codemod knows, in JS and TS,
 * among files that do not touch next-auth at all. `planted` lists what scan must find.
 */
export interface Planted {
  file: string;
  kind: string;
  count: number;
}

export function generateCorpus(root: string, copies = 30): { files: number; planted: Planted[] } {
  const planted: Planted[] = [];
  let files = 0;
  const write: Write = (file, text, ...kinds) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
    files++;
    for (const [kind, count] of kinds) planted.push({ file, kind, count });
  };
  writeApp(write);
  for (let i = 0; i < copies; i++) writeCopy(write, i);
  return { files, planted };
}

/** Writes one file of the corpus, and what scan must find in it (kind, count). */
type Write = (file: string, text: string, ...kinds: [string, number][]) => void;

/** The app's own files: package.json, tsconfig, the route, the options, middleware. */
function writeApp(write: Write) {
  write(
    "package.json",
    JSON.stringify(
      {
        name: "corpus",
        private: true,
        dependencies: { next: "15.5.29", "next-auth": "^4.24.15", "@next-auth/prisma-adapter": "^1.0.7" },
      },
      null,
      2,
    ) + "\n",
    ["package-next-auth", 1],
    ["package-adapter", 1],
  );
  write(
    "tsconfig.json",
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          lib: ["dom", "esnext"],
          strict: true,
          noEmit: true,
          esModuleInterop: true,
          module: "esnext",
          moduleResolution: "bundler",
          jsx: "preserve",
          allowJs: true,
          skipLibCheck: true,
          isolatedModules: true,
          baseUrl: ".",
          paths: { "@/*": ["./*"] },
        },
        include: ["**/*.ts", "**/*.tsx", "**/*.js", "**/*.jsx"],
        exclude: ["node_modules"],
      },
      null,
      2,
    ),
  );
  write(
    ".env.example",
    "# copy to .env.local\nNEXTAUTH_SECRET=\nNEXTAUTH_URL=http://localhost:3000\nGITHUB_ID=\nGITHUB_SECRET=\n",
    ["env-file-key", 4],
  );
  write(
    "lib/auth.ts",
    `import type { NextAuthOptions } from "next-auth";
import GitHubProvider from "next-auth/providers/github";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import { prisma } from "./prisma";

export const authOptions: NextAuthOptions = {
  adapter: PrismaAdapter(prisma),
  secret: process.env.NEXTAUTH_SECRET,
  providers: [GitHubProvider({ clientId: process.env.GITHUB_ID ?? "", clientSecret: process.env.GITHUB_SECRET ?? "" })],
  callbacks: {
    session: ({ session, user }) => ({ ...session, user: { ...session.user, id: user.id } }),
  },
};
`,
    ["options-type", 1],
    ["adapter-import", 1],
    ["session-token-spread", 1],
    // NEXTAUTH_SECRET only: GitHub is given its keys, so GITHUB_ID stays the app's own name in v5.
    ["env-read", 1],
  );
  write(
    "lib/github-profile.ts",
    `import type { OAuthConfig } from "next-auth/providers/oauth";
import type { GithubProfile } from "next-auth/providers/github";

export type GitHubConfig = OAuthConfig<GithubProfile>;
export const loginOf = (profile: GithubProfile) => profile.login;
`,
    ["provider-types", 2],
  );
  write(
    "lib/prisma.ts",
    "// eslint-disable-next-line @typescript-eslint/no-explicit-any\nexport const prisma = {} as any;\n",
  );
  write(
    "pages/api/auth/[...nextauth].ts",
    'import NextAuth from "next-auth";\nimport { authOptions } from "@/lib/auth";\n\nexport default NextAuth(authOptions);\n',
    ["nextauth-route", 1],
  );
  write(
    "types/next-auth.d.ts",
    'import type { DefaultSession } from "next-auth";\n\ndeclare module "next-auth" {\n  interface Session {\n    user: { id: string; role?: string } & DefaultSession["user"];\n  }\n}\n\ndeclare module "next-auth/jwt" {\n  interface JWT {\n    role?: string;\n  }\n}\n',
    ["jwt-augmentation", 1],
  );
  write(
    "middleware.ts",
    `import { withAuth } from "next-auth/middleware";
import { NextResponse } from "next/server";

export default withAuth(
  function middleware(req) {
    if (req.nextUrl.pathname.startsWith("/admin") && !req.nextauth.token) return NextResponse.redirect(new URL("/", req.url));
  },
  { callbacks: { authorized: ({ token }) => !!token }, pages: { signIn: "/login" } },
);

export const config = { matcher: ["/dashboard/:path*", "/admin/:path*"] };
`,
    ["middleware", 1],
    ["nextauth-token", 1],
  );
}

/** Copy `i` of the pages, API routes and components that use next-auth (and some that do not). */
function writeCopy(write: Write, i: number) {
  write(
    `pages/api/item-${i}.ts`,
    `import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth/next";
import { authOptions } from "@/lib/auth";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).json({ error: "sign in" });
  return res.json({ item: ${i}, user: session.user?.email });
}
`,
    ["getServerSession-call", 1],
  );
  write(
    `pages/page-${i}.tsx`,
    `import type { GetServerSideProps } from "next";
import { getServerSession as readSession } from "next-auth";
import { signIn } from "next-auth/react";
import { authOptions } from "../lib/auth";

export const getServerSideProps: GetServerSideProps = async (context) => {
  // the session decides what the page shows
  const session = await readSession(context.req, context.res, authOptions);
  return { props: { signedIn: Boolean(session) } };
};

export default function Page${i}({ signedIn }: { signedIn: boolean }) {
  return signedIn ? <p>page ${i}</p> : <button onClick={() => signIn("github", { callbackUrl: "/page-${i}" })}>Sign in</button>;
}
`,
    ["getServerSession-call", 1],
    ["callback-url", 1],
  );
  write(
    `pages/legacy-${i}.jsx`,
    `import { unstable_getServerSession } from "next-auth/next";
import { authOptions } from "../lib/auth";

export async function getServerSideProps({ req, res }) {
  const session = await unstable_getServerSession(req, res, authOptions);
  return { props: { name: session?.user?.name ?? null } };
}

export default function Legacy${i}({ name }) {
  return <p>{name}</p>;
}
`,
    ["getServerSession-call", 1],
  );
  write(
    `app/reports/r${i}/page.tsx`,
    `import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth";

export default async function Report${i}() {
  const session = await getServerSession(authOptions);
  return <h1>{session?.user?.name}</h1>;
}
`,
    ["getServerSession-call", 1],
  );
  write(
    `lib/mail-${i}.ts`,
    `/** Links in emails point at the public URL. */
export function link${i}(path: string) {
  return new URL(path, process.env.NEXTAUTH_URL ?? "http://localhost:3000").toString();
}
`,
    // The app's own base URL, left as it is (one ok note per package, not a usage per file).
  );
  write(
    `components/SignOut${i}.tsx`,
    `import { signOut } from "next-auth/react";

export function SignOut${i}() {
  return <button onClick={() => signOut({ callbackUrl: "/" })}>Sign out</button>;
}
`,
    ["callback-url", 1],
  );
  write(
    `pages/api/custom-${i}.ts`,
    `import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth";

// Per-call options: the codemod reports this one.
export default async function custom(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, { ...authOptions, session: { maxAge: ${60 + i} } });
  res.json(session);
}
`,
    ["getServerSession-call", 1],
  );
  for (let k = 0; k < 4; k++) {
    write(
      `components/plain/Card${i}_${k}.tsx`,
      `export function Card${i}_${k}({ title }: { title: string }) {\n  return <div className="card">{title}</div>;\n}\n`,
    );
  }
  write(`lib/util-${i}.js`, `export function sum${i}(values) {\n  return values.reduce((a, b) => a + b, 0);\n}\n`);
}
