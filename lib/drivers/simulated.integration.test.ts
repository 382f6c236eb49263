import { beforeAll, describe, expect, it } from "vitest";
import { PUT } from "@/app/api/v1/releases/[releaseId]/simulation/faults/route";
import { prisma } from "@/lib/db/client";
import { call, createTestRelease, createTestUser, type TestUser } from "@/test/api-fixtures";
import { SimulatedDriver, simulatedTraffic, simulationStateKey } from "./simulated";

const log = () => undefined;
let engineer: TestUser;
let viewer: TestUser;
let releaseId: string;

beforeAll(async () => {
  engineer = await createTestUser("ENGINEER");
  viewer = await createTestUser("VIEWER");
  ({ releaseId } = await createTestRelease());
});

function injectFault(body: unknown, as: TestUser = engineer) {
  return call<{ faults: Record<"blue" | "green", { errorRate: number; latencyMs: number }> }>(PUT, { method: "PUT", params: { releaseId }, body, as });
}

describe("simulated driver", () => {
  it("starts with everything on blue and both fleets healthy", async () => {
    const state = await new SimulatedDriver({ releaseId, purpose: "production" }).readState();
    expect(state).toMatchObject({ greenPercent: 0, weights: { blue: 100, green: 0 }, health: { blue: { healthy: true }, green: { healthy: true } } });
  });

  it("persists the split in Postgres, so another instance (process) reads the same", async () => {
    await new SimulatedDriver({ releaseId, purpose: "production" }).setSplit(25, log);
    const elsewhere = await new SimulatedDriver({ releaseId, purpose: "production" }).readState();
    expect(elsewhere).toMatchObject({ greenPercent: 25, weights: { blue: 75, green: 25 } });
    const row = await prisma.releaseSetting.findUniqueOrThrow({ where: { releaseId_key: { releaseId, key: simulationStateKey } } });
    expect(row.settings).toMatchObject({ splits: { production: { blue: 75, green: 25 } } });
  });

  it("keeps a rehearsal's split apart from production's", async () => {
    await new SimulatedDriver({ releaseId, purpose: "rehearsal" }).setSplit(100, log);
    expect((await new SimulatedDriver({ releaseId, purpose: "production" }).readState()).greenPercent).toBe(25);
    expect((await new SimulatedDriver({ releaseId, purpose: "rehearsal" }).readState()).greenPercent).toBe(100);
  });

  it("loses neither change when a split and a fault are written at the same moment", async () => {
    const { releaseId: fresh } = await createTestRelease();
    const driver = new SimulatedDriver({ releaseId: fresh, purpose: "production" });
    await Promise.all([
      driver.setSplit(50, log),
      call(PUT, { method: "PUT", params: { releaseId: fresh }, body: { environment: "green", errorRate: 3, latencyMs: 0 }, as: engineer }),
    ]);
    const state = await driver.readState();
    expect(state.greenPercent).toBe(50);
    expect(state.raw).toMatchObject({ faults: { green: { errorRate: 3, latencyMs: 0 } } });
  });

  it("injects a fault through the API: audited, green's health and traffic show it", async () => {
    const response = await injectFault({ environment: "green", errorRate: 8, latencyMs: 250 });
    expect(response.status).toBe(200);
    expect(response.body.faults).toEqual({ blue: { errorRate: 0, latencyMs: 0 }, green: { errorRate: 8, latencyMs: 250 } });

    const event = await prisma.auditEvent.findFirstOrThrow({ where: { releaseId, action: "simulation.faults.updated" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorId: engineer.id, before: { environment: "green", errorRate: 0, latencyMs: 0 }, after: { environment: "green", errorRate: 8, latencyMs: 250 } });

    const driver = new SimulatedDriver({ releaseId, purpose: "production" });
    expect(await driver.healthCheck("green", log)).toEqual({ healthy: false, detail: "8 % of probes fail (injected)" });
    expect((await driver.healthCheck("blue", log)).healthy).toBe(true);

    const traffic = await simulatedTraffic(releaseId, new Date("2026-12-01T06:00:00Z"));
    expect(traffic.green.errorRate).toBeGreaterThan(8);
    expect(traffic.green.latencyP95).toBeGreaterThan(250);
    expect(traffic.blue.errorRate).toBeLessThan(0.1);
    expect(traffic.green.requestRate / (traffic.blue.requestRate + traffic.green.requestRate)).toBeCloseTo(0.25, 2);
  });

  it("heals a fleet with 0/0", async () => {
    await injectFault({ environment: "green", errorRate: 0, latencyMs: 0 });
    expect((await new SimulatedDriver({ releaseId, purpose: "production" }).healthCheck("green", log)).healthy).toBe(true);
  });

  it("refuses viewers, bad values and unknown releases", async () => {
    expect((await injectFault({ environment: "green", errorRate: 8, latencyMs: 0 }, viewer)).status).toBe(403);
    expect((await injectFault({ environment: "green", errorRate: 120, latencyMs: 0 })).status).toBe(400);
    expect((await injectFault({ environment: "purple", errorRate: 1, latencyMs: 0 })).status).toBe(400);
    const unknown = await call(PUT, { method: "PUT", params: { releaseId: "00000000-0000-4000-8000-000000000000" }, body: { environment: "green", errorRate: 1, latencyMs: 0 }, as: engineer });
    expect(unknown.status).toBe(404);
  });
});
