import { randomUUID } from "node:crypto";
import { mutate, type Actor } from "@/lib/audit/mutate";
import { prisma, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  faultOf,
  localHourIn,
  simulatedHealth,
  simulateTraffic,
  simulationStateSchema,
  weightsOf,
  type EnvironmentTraffic,
  type Fault,
  type SimulationPurpose,
  type SimulationState,
} from "./simulation-model";
import { greenPercentFromWeights, weightsForSplit } from "./split";
import { DriverError, type DriverLog, type Environment, type EnvironmentHealth, type TrafficDriver, type TrafficState } from "./types";

// The embedded default driver. Its "load balancer" is a row in Postgres
// (ReleaseSetting key `simulation.state`), so every process and a restarted
// server agree on the split, just as they would reading a real HAProxy.
export const simulationStateKey = "simulation.state";

export class SimulatedDriver implements TrafficDriver {
  readonly kind = "simulated" as const;

  constructor(private readonly context: { releaseId: string; purpose: SimulationPurpose }) {}

  async readState(): Promise<TrafficState> {
    const state = await readSimulationState(this.context.releaseId);
    const weights = weightsOf(state, this.context.purpose);
    return {
      greenPercent: greenPercentFromWeights(weights),
      weights,
      health: { blue: simulatedHealth(faultOf(state, "blue")), green: simulatedHealth(faultOf(state, "green")) },
      raw: { simulated: true, purpose: this.context.purpose, faults: state.faults },
    };
  }

  async setSplit(greenPercent: number, log: DriverLog): Promise<TrafficState> {
    const weights = weightsForSplit(greenPercent);
    await mergeStateSection(prisma, this.context.releaseId, "splits", { [this.context.purpose]: weights });
    const state = await this.readState();
    log("info", `simulated load balancer (${this.context.purpose}): blue ${state.weights.blue} / green ${state.weights.green}`);
    return state;
  }

  async healthCheck(environment: Environment, log: DriverLog): Promise<EnvironmentHealth> {
    const state = await readSimulationState(this.context.releaseId);
    const health = simulatedHealth(faultOf(state, environment));
    log(health.healthy ? "info" : "warn", `simulated ${environment} fleet: ${health.detail}`);
    return health;
  }
}

export async function readSimulationState(releaseId: string, db: Tx = prisma): Promise<SimulationState> {
  const row = await db.releaseSetting.findUnique({ where: { releaseId_key: { releaseId, key: simulationStateKey } }, select: { settings: true } });
  const parsed = simulationStateSchema.safeParse(row?.settings ?? {});
  if (!parsed.success) throw new DriverError("The simulated driver's stored state is unreadable", { issues: parsed.error.issues });
  return parsed.data;
}

export interface SimulationFaultsInput extends Fault {
  environment: Environment;
}

// Makes one simulated fleet fail or slow down (0/0 heals it). Audited: a
// fault changes what the release's metrics and health checks report.
export async function setSimulationFaults(actor: Actor, releaseId: string, input: SimulationFaultsInput): Promise<{ faults: Record<Environment, Fault> }> {
  const fault: Fault = { errorRate: input.errorRate, latencyMs: input.latencyMs };
  return mutate(actor, async ({ tx, audit }) => {
    const release = await tx.release.findUnique({ where: { id: releaseId }, select: { id: true } });
    if (!release) throw new AppError("NOT_FOUND", "Release not found");
    const before = faultOf(await readSimulationState(releaseId, tx), input.environment);
    await mergeStateSection(tx, releaseId, "faults", { [input.environment]: fault });
    const state = await readSimulationState(releaseId, tx);
    const faults = { blue: faultOf(state, "blue"), green: faultOf(state, "green") };
    await audit({
      releaseId,
      action: "simulation.faults.updated",
      subjectType: "Simulation",
      subjectId: releaseId,
      before: { environment: input.environment, ...before },
      after: { environment: input.environment, ...fault },
      live: { faults },
    });
    return { faults };
  });
}

// Request rate, errors and latency per environment right now, as the metrics
// side reads them while the simulated driver is in use.
export async function simulatedTraffic(
  releaseId: string,
  now: Date = new Date(),
  purpose: SimulationPurpose = "production",
): Promise<Record<Environment, EnvironmentTraffic>> {
  const release = await prisma.release.findUnique({ where: { id: releaseId }, select: { timezone: true } });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
  const state = await readSimulationState(releaseId);
  return simulateTraffic(state, { now, localHour: localHourIn(release.timezone, now), seed: releaseId, purpose });
}

// One statement, so concurrent writers (a cutover step and a fault injection
// from another process) never lose each other's change: the section's keys
// are merged into the stored JSON by Postgres, creating the row if needed.
async function mergeStateSection(db: Tx, releaseId: string, section: "splits" | "faults", patch: Record<string, unknown>): Promise<void> {
  const patchJson = JSON.stringify(patch);
  const initial = JSON.stringify({ [section]: patch });
  await db.$executeRaw`
    INSERT INTO "ReleaseSetting" ("id", "releaseId", "key", "settings", "updatedAt")
    VALUES (${randomUUID()}::uuid, ${releaseId}::uuid, ${simulationStateKey}, ${initial}::jsonb, now())
    ON CONFLICT ("releaseId", "key") DO UPDATE SET
      "settings" = "ReleaseSetting"."settings"
        || jsonb_build_object(${section}::text, COALESCE("ReleaseSetting"."settings" -> ${section}::text, '{}'::jsonb) || ${patchJson}::jsonb),
      "version" = "ReleaseSetting"."version" + 1,
      "updatedAt" = now()`;
}
