"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTimeZone } from "next-intl";
import { timeZoneCookie } from "@/i18n/config";

// Tells the server the browser's time zone once, so server-rendered and
// client-rendered times agree and both are in the viewer's zone.
export function TimeZoneSync() {
  const timeZone = useTimeZone();
  const router = useRouter();
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browserZone || browserZone === timeZone) return;
    document.cookie = `${timeZoneCookie}=${browserZone}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
    router.refresh();
  }, [timeZone, router]);
  return null;
}
