"use client";

import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useMe } from "@/components/hooks/use-me";
import { Button } from "@/components/ui/button";
import { ChevronDownIcon } from "@/components/ui/icons";
import { PreferenceControls } from "./preference-controls";

export function UserMenu() {
  const t = useTranslations("userMenu");
  const tRoles = useTranslations("roles");
  const { data: me } = useMe();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const name = me?.user.name ?? "";
  return (
    <div ref={rootRef} className="relative">
      <Button
        variant="ghost"
        size="sm"
        aria-expanded={open}
        aria-controls="user-menu-panel"
        data-testid="user-menu"
        onClick={() => setOpen((value) => !value)}
      >
        <span
          aria-hidden
          className="grid size-6 place-items-center rounded-full bg-accent-soft text-[11px] font-semibold text-accent"
        >
          {initials(name)}
        </span>
        <span className="sr-only">{t("open")}</span>
        <span className="hidden max-w-32 truncate md:inline">{name}</span>
        <ChevronDownIcon />
      </Button>
      {open ? (
        <div
          id="user-menu-panel"
          className="absolute right-0 mt-1 w-64 rounded-lg border border-line bg-surface p-1 shadow-lg dark:shadow-black/50"
        >
          {me ? (
            <div className="border-b border-line px-3 py-2">
              <p className="truncate text-[13px] font-medium">{me.user.name}</p>
              <p className="truncate text-[12px] text-ink-muted">{me.user.email}</p>
              <p className="mt-1 text-[12px] text-ink-faint">{tRoles(me.user.role)}</p>
            </div>
          ) : null}
          <div className="border-b border-line px-2 py-1.5 sm:hidden">
            <PreferenceControls />
          </div>
          <ul className="py-1">
            <li>
              <Link
                href="/settings/tokens"
                onClick={() => setOpen(false)}
                className="flex h-8 items-center rounded-md px-3 text-[13px] hover:bg-subtle"
              >
                {t("tokens")}
              </Link>
            </li>
            <li>
              <button
                type="button"
                data-testid="sign-out"
                onClick={() => void signOut({ callbackUrl: "/sign-in" })}
                className="flex h-8 w-full items-center rounded-md px-3 text-left text-[13px] hover:bg-subtle"
              >
                {t("signOut")}
              </button>
            </li>
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]?.[0] ?? ""}${parts[parts.length - 1]?.[0] ?? ""}` : name.slice(0, 2);
  return letters.toUpperCase();
}
