"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useSetFaults } from "@/components/hooks/use-traffic";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Panel } from "@/components/ui/panel";
import type { Environment } from "@/lib/client/types";

// Only for the simulated driver: makes one fleet misbehave so a rehearsal or a
// demo can watch the analysis step and an abort do their work.
export function FaultPanel({ releaseId, canInject, className }: { releaseId: string; canInject: boolean; className?: string }) {
  const t = useTranslations("control.faults");
  const tTraffic = useTranslations("control.traffic");
  const setFaults = useSetFaults(releaseId);
  const [environment, setEnvironment] = useState<Environment>("green");
  const [errorPercent, setErrorPercent] = useState("0");
  const [latencyMs, setLatencyMs] = useState("0");
  const [applied, setApplied] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply(false);
  }

  function apply(clear: boolean) {
    setApplied(null);
    const faults = { environment, errorRate: clear ? 0 : Number(errorPercent), latencyMs: clear ? 0 : Number(latencyMs) };
    setFaults.mutate(faults, {
      onSuccess: () => {
        if (clear) {
          setErrorPercent("0");
          setLatencyMs("0");
        }
        setApplied(
          t("applied", { environment: tTraffic(environment), errors: faults.errorRate, latency: faults.latencyMs }),
        );
      },
    });
  }

  return (
    <Panel title={t("title")} id="faults" className={className}>
      <form onSubmit={submit} className="flex flex-col gap-3" data-testid="fault-form">
        <p className="text-[12px] text-ink-muted">{t("description")}</p>
        {canInject ? null : <p className="text-[12px] text-ink-faint">{t("notAllowed")}</p>}
        <fieldset disabled={!canInject || setFaults.isPending} className="grid gap-3 sm:grid-cols-3">
          <legend className="sr-only">{t("title")}</legend>
          <Field label={t("environment")} htmlFor="fault-environment">
            <select
              id="fault-environment"
              value={environment}
              onChange={(event) => setEnvironment(event.target.value === "blue" ? "blue" : "green")}
              className={controlClass}
            >
              <option value="green">{tTraffic("green")}</option>
              <option value="blue">{tTraffic("blue")}</option>
            </select>
          </Field>
          <Field label={t("errorRate")} htmlFor="fault-error-rate">
            <input
              id="fault-error-rate"
              type="number"
              min={0}
              max={100}
              step={0.1}
              required
              value={errorPercent}
              onChange={(event) => setErrorPercent(event.target.value)}
              className={controlClass}
            />
          </Field>
          <Field label={t("latency")} htmlFor="fault-latency">
            <input
              id="fault-latency"
              type="number"
              min={0}
              max={60000}
              step={10}
              required
              value={latencyMs}
              onChange={(event) => setLatencyMs(event.target.value)}
              className={controlClass}
            />
          </Field>
        </fieldset>
        {setFaults.error ? <FormError error={setFaults.error} /> : null}
        {applied ? (
          <Alert tone="ok" role="status" testId="fault-applied">
            {applied}
          </Alert>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button
            disabled={!canInject || setFaults.isPending}
            onClick={() => apply(true)}
          >
            {t("clear")}
          </Button>
          <Button type="submit" variant="primary" disabled={!canInject || setFaults.isPending} data-testid="fault-apply">
            {t("apply")}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
