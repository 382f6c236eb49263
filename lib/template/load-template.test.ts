import { describe, expect, it } from "vitest";
import gaReleaseJson from "./ga-release.json";
import { gaReleaseTemplate as template, InvalidTemplateError, parseReleaseTemplate, type LocalisedText } from "./load-template";

const hangul = /[\uac00-\ud7a3]/;

function allTexts(value: unknown): LocalisedText[] {
  if (Array.isArray(value)) return value.flatMap(allTexts);
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.ko === "string" && typeof record.en === "string") return [record as unknown as LocalisedText];
    return Object.values(record).flatMap(allTexts);
  }
  return [];
}

describe("the GA release template", () => {
  it("has the seed plan's four checklist sections with 15 items", () => {
    expect(template.checklist.map((s) => s.key)).toEqual(["issues", "version", "environment", "automation"]);
    expect(template.checklist.map((s) => s.items.length)).toEqual([3, 4, 4, 4]);
    expect(template.checklist.flatMap((s) => s.items)).toHaveLength(15);
  });

  it("requires the issue, environment and automation items for go-live", () => {
    for (const key of ["issues", "environment", "automation"]) {
      const section = template.checklist.find((s) => s.key === key);
      expect(section?.items.every((item) => item.requiredForGoLive)).toBe(true);
    }
    expect(template.checklist.flatMap((s) => s.items).find((i) => i.key === "issues.all-resolved")?.requiredForGoLive).toBe(true);
  });

  it("has six deployment and three post-deployment phases, each with tasks and known owners", () => {
    expect(template.phases.filter((p) => p.kind === "deployment")).toHaveLength(6);
    expect(template.phases.filter((p) => p.kind === "post_deployment")).toHaveLength(3);
    const teams = new Set(template.teams.map((t) => t.key));
    for (const phase of template.phases) {
      expect(phase.tasks.length).toBeGreaterThanOrEqual(3);
      for (const owner of phase.ownerTeams) expect(teams.has(owner)).toBe(true);
    }
  });

  it("has the seed's teams and headcounts", () => {
    const headcounts = Object.fromEntries(template.teams.map((t) => [t.key, t.headcount]));
    expect(headcounts).toMatchObject({ dev: 3, devops: 2, qa: 2, dba: 1, support: 2, marketing: 1 });
    expect(template.teams.filter((t) => t.headcount > 0)).toHaveLength(6);
  });

  it("has four rollback criteria, the measurable ones with their thresholds", () => {
    expect(template.rollback.criteria).toHaveLength(4);
    expect(template.rollback.criteria[0]).toMatchObject({ metric: "availability", comparator: "lt", threshold: 90 });
    expect(template.rollback.criteria[1]).toMatchObject({ metric: "error_rate", comparator: "gt", threshold: 5 });
    expect(template.rollback.procedure).toHaveLength(4);
    expect(template.rollback.afterRollback).toHaveLength(3);
  });

  it("has five success criteria matching the plan", () => {
    expect(template.successCriteria).toHaveLength(5);
    expect(template.successCriteria[0]).toMatchObject({ metric: "availability", comparator: "gte", threshold: 99.9, windowSec: 86400 });
    expect(template.successCriteria[1]).toMatchObject({ metric: "latency_p95", comparator: "lte", threshold: 200 });
    expect(template.successCriteria[2]).toMatchObject({ metric: "error_rate", comparator: "lte", threshold: 0.1 });
    expect(template.successCriteria[3]).toMatchObject({ metric: "bounce_rate", comparator: "lte", threshold: 15 });
  });

  it("has four risks rated 1 to 5 and internal and external communication", () => {
    expect(template.risks).toHaveLength(4);
    expect(template.communication.filter((c) => c.audience === "internal")).toHaveLength(3);
    expect(template.communication.filter((c) => c.audience === "external")).toHaveLength(3);
  });

  it("has the Go/No-Go, Migration and Rollback gates with their approvers, quorum and prerequisites", () => {
    expect(template.gates.map((g) => g.key)).toEqual(["go_no_go", "migration", "rollback"]);
    const [goNoGo, migration, rollback] = template.gates;
    const requiredForGoLive = template.checklist.flatMap((s) => s.items).filter((i) => i.requiredForGoLive).map((i) => i.key);
    expect(goNoGo).toMatchObject({ approvalsNeeded: 2, allowSelfApproval: false, approvalTtlSec: 86400 });
    expect(goNoGo?.requiredRoles).toEqual(["RELEASE_MANAGER", "APPROVER", "ADMIN"]);
    expect(goNoGo?.requiredItemKeys).toEqual(requiredForGoLive);
    expect(migration).toMatchObject({ requiredRoles: ["APPROVER", "ADMIN"], approvalsNeeded: 1, requiredItemKeys: ["environment.migration-scripts"] });
    expect(rollback).toMatchObject({ requiredRoles: ["RELEASE_MANAGER", "ADMIN"], approvalsNeeded: 1, requiredItemKeys: [] });
    expect(template.gates.every((g) => !g.allowSelfApproval)).toBe(true);
  });

  it("has every text in Korean (the original wording) and in English", () => {
    const texts = allTexts(template);
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) {
      expect(text.ko.trim()).not.toBe("");
      expect(text.en.trim()).not.toBe("");
      expect(text.en).not.toMatch(hangul);
    }
    expect(template.checklist[0]?.items[0]?.title.ko).toBe("프로덕션 환경 최종 점검에서 발견된 모든 이슈 해결 완료");
    expect(template.phases[2]?.title.ko).toBe("블루/그린 배포 실행");
  });
});

describe("parseReleaseTemplate", () => {
  const copy = () => structuredClone(gaReleaseJson) as Record<string, unknown> & typeof gaReleaseJson;

  it("rejects a text missing its English", () => {
    const broken = copy();
    (broken.checklist[0]!.items[0]!.title as { en?: string }).en = " ";
    expect(() => parseReleaseTemplate(broken, "broken")).toThrow(InvalidTemplateError);
  });

  it("rejects a phase owned by an unknown team and duplicate keys", () => {
    const unknownOwner = copy();
    unknownOwner.phases[0]!.ownerTeams = ["nobody"];
    expect(() => parseReleaseTemplate(unknownOwner)).toThrow(/unknown owner team "nobody"/);

    const duplicate = copy();
    duplicate.risks[1]!.key = duplicate.risks[0]!.key;
    expect(() => parseReleaseTemplate(duplicate)).toThrow(/duplicate risk key/);
  });

  it("rejects a gate that requires an unknown checklist item, an unknown role or no approvals", () => {
    const unknownItem = copy();
    unknownItem.gates[1]!.requiredItemKeys = ["environment.nothing"];
    expect(() => parseReleaseTemplate(unknownItem)).toThrow(/gate "migration" requires unknown checklist item "environment.nothing"/);

    const unknownRole = copy();
    unknownRole.gates[0]!.requiredRoles = ["CEO"];
    expect(() => parseReleaseTemplate(unknownRole)).toThrow(InvalidTemplateError);

    const noApprovals = copy();
    noApprovals.gates[2]!.approvalsNeeded = 0;
    expect(() => parseReleaseTemplate(noApprovals)).toThrow(InvalidTemplateError);
  });
});

describe("phase dependencies in a template", () => {
  const phase = (key: string, dependsOn: string[]) => ({ ...template.phases[0]!, key, dependsOn });

  it("chain the launch night: each step follows the one before it", () => {
    const dependsOn = new Map(template.phases.map((p) => [p.key, p.dependsOn]));
    expect(dependsOn.get("db-migration")).toEqual(["blue-green"]);
    expect(dependsOn.get("verification")).toEqual(["db-migration"]);
    expect(dependsOn.get("stabilisation-patch")).toEqual(["stabilisation"]);
  });

  it("rejects a dependency on an unknown phase", () => {
    const phases = [...gaReleaseJson.phases, phase("extra", ["nowhere"])];
    expect(() => parseReleaseTemplate({ ...gaReleaseJson, phases })).toThrow(/depends on unknown phase "nowhere"/);
  });

  it("rejects a cycle of dependencies", () => {
    const phases = [...gaReleaseJson.phases, phase("loop-a", ["loop-b"]), phase("loop-b", ["loop-a"])];
    expect(() => parseReleaseTemplate({ ...gaReleaseJson, phases })).toThrow(/cycle through "loop-a"/);
  });
});
