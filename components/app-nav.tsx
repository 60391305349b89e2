import Link from "next/link";
import { ACCESS, ROLE_LABELS, type Access, type Role } from "@/lib/auth/roles";
import { NotificationBell } from "./notifications/notification-bell";
import { SignOutButton } from "./sign-out-button";

const LINKS: { href: string; label: string; access: Access }[] = [
  { href: "/datasets", label: "Datasets", access: "research" },
  { href: "/cycles", label: "Cycles", access: "research" },
  { href: "/generations", label: "Generations", access: "researchOrPi" },
  { href: "/exports", label: "Exports", access: "research" },
  { href: "/backends", label: "Backends", access: "research" },
  { href: "/review", label: "Review", access: "review" },
  { href: "/review/disagreements", label: "Disagreements", access: "researchOrPi" },
  { href: "/aqa", label: "AQA", access: "aqa" },
  { href: "/admin/users", label: "Users", access: "admin" },
  { href: "/status", label: "Status", access: "anyone" },
];

export function AppNav({ user }: { user: { name: string; role: Role } }) {
  const links = LINKS.filter((link) => (ACCESS[link.access] as readonly Role[]).includes(user.role));
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav className="mx-auto flex max-w-6xl items-center gap-6 px-6 py-3" aria-label="Main">
        <Link href="/" className="font-semibold">
          Video-STaR Studio
        </Link>
        {links.map((link) => (
          <Link key={link.href} href={link.href} className="text-sm text-slate-700 hover:text-indigo-700">
            {link.label}
          </Link>
        ))}
        <span className="ml-auto text-sm text-slate-500" data-testid="current-user">
          {user.name} · {ROLE_LABELS[user.role]}
        </span>
        <NotificationBell />
        <Link href="/account" className="text-sm text-slate-600 hover:text-slate-900">
          Account
        </Link>
        <SignOutButton />
      </nav>
    </header>
  );
}
