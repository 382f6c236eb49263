import { parseHaproxyAddress, type HaproxyAddress } from "@/lib/drivers/config";
import { parseShowStat, runtimeCommand } from "@/lib/drivers/haproxy-runtime";
import { DriverError } from "@/lib/drivers/types";
import type { HaproxyMetricsConfig } from "../config";
import type { Sample } from "../sample";
import { counterDelta, countersOf, deltaSamples, sumDeltas, type ServerCounters } from "./haproxy-counters";
import { MetricSourceError, type MetricProvider } from "./provider";

type Fleet = "blue" | "green";

// Request, 5xx and response-time figures of the blue and green servers from
// `show stat`. Stateful: it keeps the previous poll's counters to turn them
// into rates, so the first poll yields nothing.
export class HaproxyMetricProvider implements MetricProvider {
  readonly source = "haproxy";
  private readonly address: HaproxyAddress;
  private previous: Partial<Record<Fleet, ServerCounters>> = {};

  constructor(private readonly config: Pick<HaproxyMetricsConfig, "address" | "backend" | "blueServer" | "greenServer" | "timeoutMs">) {
    const address = parseHaproxyAddress(config.address);
    if (!address) throw new MetricSourceError(`Invalid HAProxy address "${config.address}"`);
    this.address = address;
  }

  async collect(now: Date): Promise<Sample[]> {
    const command = `show stat ${this.config.backend} 4 -1`;
    let answer: string;
    try {
      answer = await runtimeCommand(this.address, command, this.config.timeoutMs);
    } catch (error) {
      if (error instanceof DriverError) throw new MetricSourceError(error.message);
      throw error;
    }
    if (!answer.startsWith("# ")) throw new MetricSourceError(`HAProxy refused "${command}": ${answer.trim().slice(0, 300)}`);
    const rows = parseShowStat(answer).filter((row) => row.proxy === this.config.backend);
    const current: Partial<Record<Fleet, ServerCounters>> = {};
    for (const fleet of ["blue", "green"] as const) {
      const server = fleet === "blue" ? this.config.blueServer : this.config.greenServer;
      const row = rows.find((candidate) => candidate.server === server);
      if (!row) throw new MetricSourceError(`Server "${server}" not found in HAProxy backend "${this.config.backend}"`);
      current[fleet] = countersOf(row, now);
    }
    const samples: Sample[] = [];
    const deltas = [];
    for (const fleet of ["blue", "green"] as const) {
      const delta = counterDelta(this.previous[fleet], current[fleet]!);
      if (!delta) continue;
      deltas.push(delta);
      samples.push(...deltaSamples(fleet, delta, current[fleet]!.responseTimeMs, now));
    }
    const total = deltas.length === 2 ? sumDeltas(deltas) : null;
    // The servers' mean response times weighted by their requests in this interval.
    if (total) samples.push(...deltaSamples("all", total, weightedResponseTime(current, deltas), now));
    this.previous = current;
    return samples;
  }
}

function weightedResponseTime(current: Partial<Record<Fleet, ServerCounters>>, deltas: { requests: number }[]): number | null {
  const pairs = (["blue", "green"] as const).map((fleet, index) => ({ time: current[fleet]?.responseTimeMs ?? null, requests: deltas[index]?.requests ?? 0 }));
  const served = pairs.filter((pair) => pair.time !== null && pair.requests > 0);
  const requests = served.reduce((sum, pair) => sum + pair.requests, 0);
  return requests > 0 ? served.reduce((sum, pair) => sum + (pair.time ?? 0) * pair.requests, 0) / requests : null;
}
