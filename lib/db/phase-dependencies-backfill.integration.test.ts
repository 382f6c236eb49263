import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createTestRelease } from "@/test/api-fixtures";

const script = readFileSync(path.resolve(import.meta.dirname, "../../prisma/migrations/20261129050000_phase_dependencies/migration.sql"), "utf8");

describe("the phase-dependencies migration", () => {
  it("gives a GA release made before dependencies existed the template's chain, and leaves phases already linked alone", async () => {
    const { releaseId } = await createTestRelease();
    await prisma.phase.updateMany({ where: { releaseId }, data: { dependsOn: [] } });
    await prisma.phase.updateMany({ where: { releaseId, key: "verification" }, data: { dependsOn: ["preparation"] } });
    await prisma.$executeRawUnsafe(script);
    const dependsOn = new Map((await prisma.phase.findMany({ where: { releaseId }, select: { key: true, dependsOn: true } })).map((phase) => [phase.key, phase.dependsOn]));
    expect(dependsOn.get("db-migration")).toEqual(["blue-green"]);
    expect(dependsOn.get("stabilisation-patch")).toEqual(["stabilisation"]);
    expect(dependsOn.get("verification")).toEqual(["preparation"]);
    expect(dependsOn.get("preparation")).toEqual([]);
  });
});
