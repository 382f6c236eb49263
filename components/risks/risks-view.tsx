"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useChecklist } from "@/components/hooks/use-checklist";
import { conflictCurrent } from "@/components/hooks/plan-queries";
import { usePermission } from "@/components/hooks/use-me";
import { useRisks, useSaveRisk, type Risk } from "@/components/hooks/use-risks";
import { useUsers } from "@/components/hooks/use-users";
import { riskStatusTone } from "@/components/release/status-tones";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { cn } from "@/lib/client/cn";
import { localized } from "@/lib/client/localized";
import { riskBand } from "@/lib/risks/matrix";
import { bandClass, RiskMatrix } from "./risk-matrix";
import { RiskDialog } from "./risk-dialog";

type View = "list" | "matrix";

export function RisksView({ releaseId }: { releaseId: string }) {
  const t = useTranslations("riskRegister");
  const locale = useLocale();
  const risks = useRisks(releaseId);
  const { data: users } = useUsers();
  const { data: checklist } = useChecklist(releaseId, "all");
  const canEdit = usePermission("risk.update");
  const save = useSaveRisk(releaseId);
  const [view, setView] = useState<View>("list");
  const [editing, setEditing] = useState<Risk | "new" | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const items = (checklist?.sections ?? []).flatMap((section) => section.items.map((item) => ({ key: item.key, title: item.title })));

  const open = (risk: Risk | "new") => {
    save.reset();
    setConflict(null);
    setEditing(risk);
  };

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canEdit ? (
            <Button variant="primary" onClick={() => open("new")}>
              {t("add")}
            </Button>
          ) : null
        }
      />
      <div role="group" aria-label={t("view.label")} className="inline-flex w-fit rounded-md border border-line-strong bg-surface p-0.5">
        {(["list", "matrix"] as const).map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={view === value}
            onClick={() => setView(value)}
            className={cn("h-7 rounded px-2.5 text-[13px] font-medium", view === value ? "bg-accent-solid text-on-accent" : "text-ink-muted hover:text-ink")}
          >
            {t(`view.${value}`)}
          </button>
        ))}
      </div>
      {!canEdit ? <p className="text-[12px] text-ink-faint">{t("readOnly")}</p> : null}
      {conflict ? (
        <Alert tone="warn" role="status">
          {t("conflict", { risk: conflict })}
        </Alert>
      ) : null}
      {risks.error ? <ErrorState error={risks.error} onRetry={() => void risks.refetch()} /> : null}
      {!risks.data && !risks.error ? <LoadingState /> : null}
      {risks.data && view === "list" ? (
        <Panel title={t("view.list")} flush>
          <Table label={t("view.list")}>
            <thead>
              <tr>
                <Th>{t("columns.risk")}</Th>
                <Th>{t("columns.score")}</Th>
                <Th>{t("columns.owner")}</Th>
                <Th>{t("columns.status")}</Th>
                <Th>{t("columns.linked")}</Th>
                {canEdit ? <Th className="text-right">{t("columns.actions")}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {risks.data.map((risk) => {
                const band = riskBand(risk.score);
                return (
                  <tr key={risk.id} className="align-top" data-testid={`risk-${risk.key}`}>
                    <Td className="min-w-64">
                      <p className="font-medium">{localized(risk.title, locale)}</p>
                      <p className="text-[12px] text-ink-muted">{localized(risk.impact, locale)}</p>
                      <p className="mt-1 text-[12px] text-ink">{localized(risk.mitigation, locale)}</p>
                    </Td>
                    <Td className="whitespace-nowrap">
                      <span className={cn("inline-flex rounded px-1.5 py-0.5 text-[12px] font-medium tabular-nums", bandClass[band])}>
                        {t("scoreLabel", { score: risk.score, band: t(`bands.${band}`) })}
                      </span>
                      <p className="mt-1 text-[11px] text-ink-faint tabular-nums">
                        {t("columns.impact")} {risk.severity} × {t("columns.likelihood")} {risk.likelihood}
                      </p>
                    </Td>
                    <Td className="whitespace-nowrap">{risk.owner?.name ?? "—"}</Td>
                    <Td>
                      <Badge tone={riskStatusTone[risk.status]}>{t(`statuses.${risk.status}`)}</Badge>
                    </Td>
                    <Td className="text-[12px]">
                      {risk.linkedItems.length === 0 ? (
                        <span className="text-ink-faint">{t("none")}</span>
                      ) : (
                        <ul className="flex flex-col gap-0.5">
                          {risk.linkedItems.map((item) => (
                            <li key={item.key}>
                              <span aria-hidden className={item.status === "done" ? "text-ok" : "text-ink-faint"}>
                                {item.status === "done" ? "✓ " : "○ "}
                              </span>
                              {localized(item.title, locale)}
                            </li>
                          ))}
                        </ul>
                      )}
                    </Td>
                    {canEdit ? (
                      <Td className="text-right">
                        <Button size="sm" aria-label={t("editRisk", { risk: localized(risk.title, locale) })} onClick={() => open(risk)}>
                          {t("edit")}
                        </Button>
                      </Td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </Panel>
      ) : null}
      {risks.data && view === "matrix" ? (
        <Panel title={t("matrix.label")}>
          <RiskMatrix risks={risks.data} onOpen={canEdit ? open : undefined} />
        </Panel>
      ) : null}
      {editing ? (
        <RiskDialog
          risk={editing === "new" ? null : editing}
          users={users ?? []}
          items={items}
          saving={save.isPending}
          error={save.error && !conflictCurrent(save.error) ? save.error : null}
          onClose={() => setEditing(null)}
          onSave={(input) => {
            const change = editing === "new" ? { riskId: null, input } : { riskId: editing.id, input: { ...input, version: editing.version } };
            save.mutate(change, {
              onSuccess: () => setEditing(null),
              onError: (error) => {
                const current = conflictCurrent<Risk>(error);
                if (current) {
                  setEditing(null);
                  setConflict(localized(current.title, locale));
                }
              },
            });
          }}
        />
      ) : null}
    </div>
  );
}
