"use client";

import { useLocale, useTranslations } from "next-intl";
import type { Risk } from "@/components/hooks/use-risks";
import { cn } from "@/lib/client/cn";
import { localized } from "@/lib/client/localized";
import { bucketRisks, matrixScale, riskBand, type RiskBand } from "@/lib/risks/matrix";

export const bandClass: Record<RiskBand, string> = {
  low: "bg-ok-soft",
  medium: "bg-neutral-soft",
  high: "bg-warn-soft",
  critical: "bg-danger-soft",
};

// Impact runs up the side (5 at the top), likelihood along the bottom, so
// the worst risks gather in the top-right corner as on a paper register.
export function RiskMatrix({ risks, onOpen }: { risks: Risk[]; onOpen?: (risk: Risk) => void }) {
  const t = useTranslations("riskRegister");
  const locale = useLocale();
  const cells = bucketRisks(risks);
  const rows = [...matrixScale].reverse();
  return (
    <div className="flex flex-col gap-2">
      <table aria-label={t("matrix.label")} className="w-full table-fixed border-separate border-spacing-1 text-[12px]" data-testid="risk-matrix">
        <thead>
          <tr>
            <th scope="col" className="w-24 text-left text-[11px] font-medium text-ink-faint">
              {t("matrix.impact")} ↓ / {t("matrix.likelihood")} →
            </th>
            {matrixScale.map((likelihood) => (
              <th key={likelihood} scope="col" className="text-[12px] font-medium text-ink-muted">
                {likelihood}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((impact) => (
            <tr key={impact}>
              <th scope="row" className="text-left text-[12px] font-medium text-ink-muted">
                {impact}
              </th>
              {matrixScale.map((likelihood) => {
                const inCell = cells[impact - 1]?.[likelihood - 1] ?? [];
                return (
                  <td
                    key={likelihood}
                    aria-label={t("matrix.cell", { impact, likelihood, count: inCell.length })}
                    className={cn("h-20 rounded align-top", bandClass[riskBand(impact * likelihood)])}
                  >
                    <ul className="flex flex-col gap-1 p-1">
                      {inCell.map((risk) => (
                        <li key={risk.id}>
                          {onOpen ? (
                            <button type="button" onClick={() => onOpen(risk)} className="w-full truncate rounded border border-line-strong bg-surface px-1 py-0.5 text-left text-[11px] hover:bg-subtle">
                              {localized(risk.title, locale)}
                            </button>
                          ) : (
                            <span className="block truncate rounded border border-line bg-surface px-1 py-0.5 text-[11px]">{localized(risk.title, locale)}</span>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-[12px] text-ink-faint">{t("matrix.closedHidden")}</p>
    </div>
  );
}
