"use client";

import { useLocale, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { localized } from "@/lib/client/localized";
import type { ChecklistItem } from "@/lib/client/types";

export function ConflictNotice({ item, onDismiss }: { item: ChecklistItem; onDismiss: () => void }) {
  const t = useTranslations("checklist");
  const locale = useLocale();
  return (
    <Alert tone="warn" testId="conflict-message" className="flex items-start justify-between gap-3">
      <p>
        <strong className="font-semibold">{t("conflict.title")}</strong>{" "}
        {t("conflict.body", {
          name: item.updatedBy?.name ?? t("conflict.someone"),
          title: localized(item.title, locale),
          status: t(`status.${item.status}`),
        })}
      </p>
      <Button size="sm" variant="ghost" onClick={onDismiss}>
        {t("conflict.dismiss")}
      </Button>
    </Alert>
  );
}
