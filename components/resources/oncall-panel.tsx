"use client";

import { useId, useMemo, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { conflictCurrent } from "@/components/hooks/plan-queries";
import { usePermission } from "@/components/hooks/use-me";
import { useChangeShift, useOnCall, type Shift } from "@/components/hooks/use-oncall";
import { usePhases } from "@/components/hooks/use-phases";
import { useTeams } from "@/components/hooks/use-teams";
import { useUsers } from "@/components/hooks/use-users";
import { fromLocalInput, toLocalInput } from "@/components/timeline/timeline-scale";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass, Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { useDateFormat } from "@/components/ui/use-date-format";
import { localized } from "@/lib/client/localized";

const eightHours = 8 * 3_600_000;

export function OnCallPanel({ releaseId }: { releaseId: string }) {
  const t = useTranslations("resources.onCall");
  const locale = useLocale();
  const dates = useDateFormat();
  const onCall = useOnCall(releaseId);
  const { data: teams } = useTeams(releaseId);
  const { data: phases } = usePhases(releaseId);
  const canEdit = usePermission("oncall.update");
  const change = useChangeShift(releaseId);
  const [conflict, setConflict] = useState(false);

  const teamName = useMemo(() => new Map((teams ?? []).map((team) => [team.key, localized(team.name, locale)])), [teams, locale]);
  const phaseName = useMemo(() => new Map((phases ?? []).map((phase) => [phase.key, localized(phase.title, locale)])), [phases, locale]);

  const onFailure = (error: unknown) => {
    if (conflictCurrent<Shift>(error)) setConflict(true);
  };

  return (
    <Panel title={t("title")} id="oncall" flush>
      <div className="flex flex-col gap-3 p-4">
        {onCall.data ? <p className="text-[13px] text-ink-muted">{t("window", { range: dates.range(onCall.data.window.startsAt, onCall.data.window.endsAt) })}</p> : null}
        {!canEdit ? <p className="text-[12px] text-ink-faint">{t("readOnly")}</p> : null}
        {conflict ? (
          <Alert tone="warn" role="status">
            {t("conflict")}
          </Alert>
        ) : null}
        {change.error && !conflictCurrent(change.error) ? <FormError error={change.error} /> : null}
      </div>
      {onCall.error ? <ErrorState error={onCall.error} onRetry={() => void onCall.refetch()} /> : null}
      {!onCall.data && !onCall.error ? <LoadingState /> : null}
      {onCall.data ? (
        <>
          <Table label={t("title")}>
            <thead>
              <tr>
                <Th>{t("columns.team")}</Th>
                <Th>{t("columns.person")}</Th>
                <Th>{t("columns.starts")}</Th>
                <Th>{t("columns.ends")}</Th>
                {canEdit ? <Th className="text-right">{t("columns.actions")}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {onCall.data.shifts.length === 0 ? (
                <tr>
                  <Td colSpan={canEdit ? 5 : 4} className="text-center text-ink-faint">
                    {t("empty")}
                  </Td>
                </tr>
              ) : null}
              {onCall.data.shifts.map((shift) => (
                <tr key={shift.id} data-testid="oncall-shift">
                  <Td>{teamName.get(shift.teamKey) ?? shift.teamKey}</Td>
                  <Td>{shift.user.name}</Td>
                  <Td className="tabular-nums">
                    {canEdit ? (
                      <TimeCell label={t("starts")} value={shift.startsAt} onCommit={(startsAt) => change.mutate({ action: "update", shiftId: shift.id, input: { version: shift.version, startsAt } }, { onError: onFailure })} />
                    ) : (
                      dates.shortDateTime(shift.startsAt)
                    )}
                  </Td>
                  <Td className="tabular-nums">
                    {canEdit ? (
                      <TimeCell label={t("ends")} value={shift.endsAt} onCommit={(endsAt) => change.mutate({ action: "update", shiftId: shift.id, input: { version: shift.version, endsAt } }, { onError: onFailure })} />
                    ) : (
                      dates.shortDateTime(shift.endsAt)
                    )}
                  </Td>
                  {canEdit ? (
                    <Td className="text-right">
                      <Button
                        size="sm"
                        variant="danger"
                        aria-label={t("removeShift", { name: shift.user.name })}
                        disabled={change.isPending}
                        onClick={() => change.mutate({ action: "delete", shiftId: shift.id, version: shift.version }, { onError: onFailure })}
                      >
                        ✕
                      </Button>
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
          {canEdit && teams ? (
            <AddShiftForm
              teams={teams.map((team) => ({ id: team.id, name: localized(team.name, locale), memberIds: team.members.map((member) => member.userId) }))}
              defaultStart={onCall.data.window.startsAt}
              pending={change.isPending}
              onAdd={(input) => {
                setConflict(false);
                change.mutate({ action: "create", input });
              }}
            />
          ) : null}
          <div className="border-t border-line p-4">
            <h3 className="mb-2 text-[13px] font-semibold">{t("coverageTitle")}</h3>
            {onCall.data.coverage.length === 0 ? (
              <p className="text-[13px] text-ok">{t("coverageNone")}</p>
            ) : (
              <ul className="flex flex-col gap-1 text-[13px] text-warn" data-testid="coverage-gaps">
                {onCall.data.coverage.flatMap((gap) =>
                  gap.gaps.map((piece) => (
                    <li key={`${gap.phaseKey}-${gap.teamKey}-${piece.from}`}>
                      ⚠{" "}
                      {t("gap", {
                        phase: phaseName.get(gap.phaseKey) ?? gap.phaseKey,
                        team: teamName.get(gap.teamKey) ?? gap.teamKey,
                        from: dates.shortDateTime(piece.from),
                        to: dates.shortDateTime(piece.to),
                      })}
                    </li>
                  )),
                )}
              </ul>
            )}
          </div>
        </>
      ) : null}
    </Panel>
  );
}

// A time that saves when the field loses focus with a different value.
function TimeCell({ label, value, onCommit }: { label: string; value: string; onCommit: (iso: string) => void }) {
  const [draft, setDraft] = useState(toLocalInput(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(toLocalInput(value));
  }
  return (
    <input
      type="datetime-local"
      aria-label={label}
      className={`${controlClass} h-7 max-w-48`}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => {
        const iso = fromLocalInput(draft);
        if (iso && iso !== value) onCommit(iso);
        else setDraft(toLocalInput(value));
      }}
    />
  );
}

interface AddShiftFormProps {
  teams: { id: string; name: string; memberIds: string[] }[];
  defaultStart: string;
  pending: boolean;
  onAdd: (input: { teamId: string; userId: string; startsAt: string; endsAt: string }) => void;
}

function AddShiftForm({ teams, defaultStart, pending, onAdd }: AddShiftFormProps) {
  const t = useTranslations("resources.onCall");
  const id = useId();
  const { data: users } = useUsers();
  const [teamId, setTeamId] = useState("");
  const [userId, setUserId] = useState("");
  const [startsAt, setStartsAt] = useState(toLocalInput(defaultStart));
  const [endsAt, setEndsAt] = useState(toLocalInput(new Date(new Date(defaultStart).getTime() + eightHours).toISOString()));
  const [problem, setProblem] = useState<string | null>(null);
  const members = teams.find((team) => team.id === teamId)?.memberIds ?? [];
  // The team's members first: they are who the rota is usually made of.
  const people = [...(users ?? [])].sort((a, b) => Number(members.includes(b.id)) - Number(members.includes(a.id)) || a.name.localeCompare(b.name));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const start = fromLocalInput(startsAt);
    const end = fromLocalInput(endsAt);
    if (!teamId || !userId || !start || !end) return setProblem(t("incomplete"));
    if (end <= start) return setProblem(t("endBeforeStart"));
    setProblem(null);
    onAdd({ teamId, userId, startsAt: start, endsAt: end });
  };

  return (
    <form onSubmit={submit} className="grid gap-3 border-t border-line p-4 sm:grid-cols-[1fr_1fr_1fr_1fr_auto] sm:items-end" noValidate>
      <Field label={t("team")} htmlFor={`${id}-team`}>
        <select id={`${id}-team`} className={controlClass} value={teamId} onChange={(event) => setTeamId(event.target.value)}>
          <option value="">—</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("person")} htmlFor={`${id}-person`}>
        <select id={`${id}-person`} className={controlClass} value={userId} onChange={(event) => setUserId(event.target.value)}>
          <option value="">—</option>
          {people.map((user) => (
            <option key={user.id} value={user.id}>
              {members.includes(user.id) ? "★ " : ""}
              {user.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("starts")} htmlFor={`${id}-start`}>
        <input id={`${id}-start`} type="datetime-local" className={controlClass} value={startsAt} onChange={(event) => setStartsAt(event.target.value)} />
      </Field>
      <Field label={t("ends")} htmlFor={`${id}-end`}>
        <input id={`${id}-end`} type="datetime-local" className={controlClass} value={endsAt} onChange={(event) => setEndsAt(event.target.value)} />
      </Field>
      <Button type="submit" variant="primary" disabled={pending}>
        {t("add")}
      </Button>
      {problem ? (
        <p role="alert" className="text-[13px] text-danger sm:col-span-5">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
