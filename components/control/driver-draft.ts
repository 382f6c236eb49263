import type { DriverConfig, DriverKind } from "@/lib/client/types";

// The driver form edits strings; argv lists are one argument per line.
export interface DriverDraft {
  kind: DriverKind;
  address: string;
  backend: string;
  blueServer: string;
  greenServer: string;
  url: string;
  setSplitCommand: string;
  readStateCommand: string;
  healthCommand: string;
  cwd: string;
  secretEnv: string;
  timeoutMs: string;
}

export function draftOfDriver(config: DriverConfig | undefined): DriverDraft {
  const draft: DriverDraft = {
    kind: config?.kind ?? "simulated",
    address: "",
    backend: "",
    blueServer: "",
    greenServer: "",
    url: "",
    setSplitCommand: "",
    readStateCommand: "",
    healthCommand: "",
    cwd: "",
    secretEnv: "",
    timeoutMs: "10000",
  };
  if (!config) return draft;
  switch (config.kind) {
    case "haproxy":
      return { ...draft, ...pick(config, ["address", "backend", "blueServer", "greenServer"]), timeoutMs: String(config.timeoutMs) };
    case "webhook":
      return { ...draft, url: config.url, timeoutMs: String(config.timeoutMs) };
    case "command":
      return {
        ...draft,
        setSplitCommand: config.setSplitCommand.join("\n"),
        readStateCommand: config.readStateCommand.join("\n"),
        healthCommand: config.healthCommand.join("\n"),
        cwd: config.cwd ?? "",
        secretEnv: config.secretEnv.join("\n"),
        timeoutMs: String(config.timeoutMs),
      };
    default:
      return draft;
  }
}

export function driverOfDraft(draft: DriverDraft): DriverConfig {
  const timeoutMs = Number(draft.timeoutMs) || 10_000;
  switch (draft.kind) {
    case "haproxy":
      return {
        kind: "haproxy",
        address: draft.address.trim(),
        backend: draft.backend.trim(),
        blueServer: draft.blueServer.trim(),
        greenServer: draft.greenServer.trim(),
        timeoutMs,
      };
    case "webhook":
      return { kind: "webhook", url: draft.url.trim(), timeoutMs };
    case "command":
      return {
        kind: "command",
        setSplitCommand: lines(draft.setSplitCommand),
        readStateCommand: lines(draft.readStateCommand),
        healthCommand: lines(draft.healthCommand),
        timeoutMs,
        ...(draft.cwd.trim() ? { cwd: draft.cwd.trim() } : {}),
        secretEnv: lines(draft.secretEnv),
      };
    default:
      return { kind: "simulated" };
  }
}

// The secrets this draft needs: what the server stores encrypted beside it.
export function secretNames(draft: DriverDraft): string[] {
  if (draft.kind === "webhook") return ["signingSecret"];
  if (draft.kind === "command") return lines(draft.secretEnv);
  return [];
}

function lines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

function pick<T, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, source[key]])) as Pick<T, K>;
}
