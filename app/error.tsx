"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

// Last resort for a rendering failure: say so in the viewer's language and
// offer a retry instead of a blank page.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-[20px] font-semibold">{t("title")}</h1>
      <p className="text-[13px] text-ink-muted">{t("body")}</p>
      <Button onClick={reset}>{t("retry")}</Button>
    </main>
  );
}
