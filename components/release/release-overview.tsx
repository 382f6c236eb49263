"use client";

import { useLocale } from "next-intl";
import { useRelease } from "@/components/hooks/use-release";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { localized } from "@/lib/client/localized";
import { CriteriaPanel } from "./criteria-panel";
import { GoalsPanel } from "./goals-panel";
import { PhaseTimeline } from "./phase-timeline";
import { ProgressPanel } from "./progress-panel";
import { ReleaseHeader } from "./release-header";
import { RiskTable } from "./risk-table";
import { RollbackPanel } from "./rollback-panel";
import { TeamsPanel } from "./teams-panel";

export function ReleaseOverview({ releaseId }: { releaseId: string }) {
  const locale = useLocale();
  const { data: release, error, refetch } = useRelease(releaseId);
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!release) return <LoadingState />;

  const teamNames = new Map(release.teams.map((team) => [team.key, localized(team.name, locale)]));
  return (
    <div className="flex flex-col gap-4">
      <ReleaseHeader release={release} />
      <div className="grid gap-4 lg:grid-cols-3">
        <ProgressPanel release={release} className="lg:col-span-2" />
        <GoalsPanel goals={release.goals} />
      </div>
      <PhaseTimeline phases={release.phases} teamNames={teamNames} />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <CriteriaPanel kind="rollback" criteria={release.criteria} />
        <CriteriaPanel kind="success" criteria={release.criteria} />
        <TeamsPanel teams={release.teams} className="md:col-span-2 xl:col-span-1" />
      </div>
      <RollbackPanel procedure={release.rollbackProcedure} afterRollback={release.afterRollback} />
      <RiskTable risks={release.risks} />
    </div>
  );
}
