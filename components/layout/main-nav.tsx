"use client";

import { useEffect, useRef } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { usePermission } from "@/components/hooks/use-me";
import { pickDefaultRelease, useReleases } from "@/components/hooks/use-release";
import { cn } from "@/lib/client/cn";

interface NavLink {
  href: string;
  label: string;
  active: boolean;
}

export function MainNav({ releaseId }: { releaseId: string | null }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const { data: releases } = useReleases();
  const isAdmin = usePermission("user.manage");
  const target = releaseId ?? (releases ? pickDefaultRelease(releases)?.id : undefined);

  const links: NavLink[] = [];
  if (target) {
    const base = `/releases/${target}`;
    links.push(
      { href: base, label: t("overview"), active: pathname === base },
      { href: `${base}/checklist`, label: t("checklist"), active: pathname.startsWith(`${base}/checklist`) },
      { href: `${base}/control`, label: t("control"), active: pathname.startsWith(`${base}/control`) },
      { href: `${base}/metrics`, label: t("metrics"), active: pathname.startsWith(`${base}/metrics`) },
      { href: `${base}/timeline`, label: t("timeline"), active: pathname.startsWith(`${base}/timeline`) },
      { href: `${base}/calendar`, label: t("calendar"), active: pathname.startsWith(`${base}/calendar`) },
      { href: `${base}/resources`, label: t("resources"), active: pathname.startsWith(`${base}/resources`) },
      { href: `${base}/risks`, label: t("risks"), active: pathname.startsWith(`${base}/risks`) },
      { href: `${base}/after-launch`, label: t("afterLaunch"), active: pathname.startsWith(`${base}/after-launch`) },
      { href: `${base}/report`, label: t("report"), active: pathname.startsWith(`${base}/report`) },
      { href: `${base}/audit`, label: t("audit"), active: pathname.startsWith(`${base}/audit`) },
    );
  }
  if (isAdmin) links.push({ href: "/admin/users", label: t("admin"), active: pathname.startsWith("/admin") });

  // On a tablet the links overflow and scroll sideways; keep the current
  // page's link in view, so the nav never hides where you are.
  const activeLink = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    activeLink.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);

  return (
    <nav aria-label={t("label")} className="mx-auto max-w-[1400px] overflow-x-auto overscroll-x-contain px-2 [scrollbar-width:thin] sm:px-4">
      <ul className="flex h-10 items-stretch gap-1">
        {links.map((link) => (
          <li key={link.href} className="flex">
            <Link
              ref={link.active ? activeLink : undefined}
              href={link.href}
              aria-current={link.active ? "page" : undefined}
              className={cn(
                "relative flex items-center rounded-sm px-2.5 text-[13px] font-medium whitespace-nowrap transition-colors",
                link.active
                  ? "text-ink after:absolute after:inset-x-2 after:-bottom-px after:h-0.5 after:rounded-full after:bg-accent-solid"
                  : "text-ink-muted hover:text-ink",
              )}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
