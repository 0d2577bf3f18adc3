import Link from "next/link";
import { useRouter } from "next/router";
import { useSession } from "next-auth/react";
import { SignInButton, SignOutButton } from "@/components/AuthButtons";
import { UserAvatar } from "@/components/UserAvatar";

const LINKS = [
  { href: "/", label: "Home" },
  { href: "/dashboard", label: "Dashboard" },
  { href: "/client", label: "Client page" },
];

/** Site navigation. The Admin link is a convenience for admins; the server guards /admin. */
export function Header() {
  const { data: session, status } = useSession();
  const { pathname } = useRouter();
  const links = session?.user.role === "admin" ? [...LINKS, { href: "/admin", label: "Admin" }] : LINKS;

  return (
    <header className="header">
      <div className="header-inner">
        <Link href="/" className="brand">
          Auth Reference
        </Link>
        <nav className="nav" aria-label="Main">
          {links.map(({ href, label }) => (
            <Link key={href} href={href} aria-current={pathname === href ? "page" : undefined}>
              {label}
            </Link>
          ))}
        </nav>
        <div className="user-menu">
          {session ? (
            <>
              <UserAvatar name={session.user.name} image={session.user.image} />
              <span className="user-name">{session.user.name ?? session.user.email}</span>
              <SignOutButton />
            </>
          ) : status === "loading" ? null : (
            <SignInButton />
          )}
        </div>
      </div>
    </header>
  );
}
