import { compare, formatDuration, type CriterionSpec, type Measurement } from "./engine";
import { comparatorSymbols, isComparator } from "./vocabulary";

// "All key features work", judged from the release's synthetic checks: the
// share of checks whose latest run passed, as a percentage. A check counts
// while its latest run is fresh (within two of its intervals); a failing
// fresh check can fail the criterion at once, but it passes only when every
// check has a fresh result — a check that has not run is not a pass.

export interface SyntheticCheckState {
  key: string;
  name: string;
  intervalSec: number;
  lastRunAt: Date | null;
  lastOk: boolean | null;
  lastDetail: string | null;
}

export function measureSyntheticChecks(criterion: CriterionSpec, checks: readonly SyntheticCheckState[], now: Date): Measurement {
  const windowMs = Math.max(...checks.map((check) => 2 * check.intervalSec * 1000), 0);
  const comparator = isComparator(criterion.comparator) ? criterion.comparator : "gte";
  const threshold = criterion.threshold ?? 100;
  const fresh = checks.filter((check) => check.lastRunAt !== null && check.lastOk !== null && now.getTime() - check.lastRunAt.getTime() <= 2 * check.intervalSec * 1000);
  const passing = fresh.filter((check) => check.lastOk === true);
  const failing = fresh.filter((check) => check.lastOk === false);
  const observed = fresh.length === 0 ? null : Math.round((10_000 * passing.length) / fresh.length) / 100;
  const values = {
    observed,
    threshold,
    sampleCount: fresh.length,
    windowCoverage: checks.length === 0 ? 0 : Math.round((10_000 * fresh.length) / checks.length) / 10_000,
    from: new Date(now.getTime() - windowMs).toISOString(),
    to: now.toISOString(),
  };
  const result = (outcome: Measurement["outcome"], reasonCode: Measurement["reasonCode"], reason: string): Measurement => ({ outcome, reasonCode, reason, values, manual: false });

  if (checks.length === 0) return result("inconclusive", "NO_DATA", `${criterion.key}: no synthetic checks are defined`);
  const symbol = comparatorSymbols[comparator];
  if (observed !== null && failing.length > 0 && !compare(observed, comparator, threshold)) {
    const which = failing.map((check) => `${check.name} (${check.lastDetail ?? "failed"})`).join(", ");
    return result("fail", "TARGET_MISSED", `${failing.length} of ${fresh.length} key-feature checks fail, ${observed} % pass, needs ${symbol} ${threshold} %: ${which}`);
  }
  if (fresh.length < checks.length) {
    const stale = checks.filter((check) => !fresh.includes(check)).map((check) => check.name);
    return result("inconclusive", "LOW_COVERAGE", `${stale.length} of ${checks.length} key-feature checks have no result within two intervals (${formatDuration(windowMs)}): ${stale.join(", ")}`);
  }
  const shown = `${passing.length} of ${checks.length} key-feature checks pass (${observed} %)`;
  return observed !== null && compare(observed, comparator, threshold)
    ? result("pass", "TARGET_MET", `${shown} ${symbol} ${threshold} %`)
    : result("fail", "TARGET_MISSED", `${shown}, needs ${symbol} ${threshold} %`);
}
