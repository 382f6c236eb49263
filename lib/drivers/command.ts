import { placeholdersIn, type CommandDriverConfig, type CommandPlaceholder } from "./config";
import { describeIssues, reportedStateSchema, toTrafficState, type ReportedState } from "./reported-state";
import { baseEnvironment, runProcess, tail, type ProcessResult } from "./run-process";
import { weightsForSplit } from "./split";
import { DriverError, type DriverLog, type Environment, type EnvironmentHealth, type TrafficDriver, type TrafficState } from "./types";

// The team's own scripts move traffic: `setSplitCommand` changes it,
// `readStateCommand` reports it as JSON, `healthCommand` probes one side.
// setSplit resolves only once readState confirms the new split.

export type TemplateValues = Partial<Record<CommandPlaceholder, string>>;

export function renderArgs(argv: readonly string[], values: TemplateValues): string[] {
  return argv.map((arg) =>
    arg.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => {
      const value = values[name as CommandPlaceholder];
      if (value === undefined) throw new DriverError(`No value for placeholder ${whole} in "${arg}"`);
      return value;
    }),
  );
}

// With {environment} the command sets one side at a time, so it runs once per
// side, green first (on an abort green stops receiving requests first).
export function splitInvocations(argv: readonly string[], greenPercent: number): string[][] {
  const weights = weightsForSplit(greenPercent);
  const shared = { greenPercent: String(weights.green), bluePercent: String(weights.blue) };
  if (!placeholdersIn(argv).includes("environment")) return [renderArgs(argv, shared)];
  return (["green", "blue"] as const).map((environment) =>
    renderArgs(argv, { ...shared, environment, weight: String(weights[environment]) }),
  );
}

export class CommandDriver implements TrafficDriver {
  readonly kind = "command" as const;

  constructor(
    private readonly config: CommandDriverConfig,
    private readonly secrets: Record<string, string>,
    private readonly context: { releaseId: string },
  ) {
    const missing = config.secretEnv.filter((name) => secrets[name] === undefined);
    if (missing.length) throw new DriverError(`Secret environment variables not set: ${missing.join(", ")}`);
  }

  async readState(log: DriverLog): Promise<TrafficState> {
    const result = await this.run(this.config.readStateCommand, {}, log);
    this.assertSucceeded(result, "readStateCommand");
    return toTrafficState(parseReportedState(result.stdout, this.secretValues()), (environment) => this.healthCheck(environment, log));
  }

  async setSplit(greenPercent: number, log: DriverLog): Promise<TrafficState> {
    for (const argv of splitInvocations(this.config.setSplitCommand, greenPercent)) {
      this.assertSucceeded(await this.run(argv, {}, log, true), "setSplitCommand");
    }
    const state = await this.readState(log);
    if (Math.abs(state.greenPercent - greenPercent) > 0.5) {
      throw new DriverError(`readStateCommand reports green ${state.greenPercent} % after setting ${greenPercent} %`, {
        expected: greenPercent,
        reported: state.greenPercent,
      });
    }
    return state;
  }

  async healthCheck(environment: Environment, log: DriverLog): Promise<EnvironmentHealth> {
    const result = await this.run(this.config.healthCommand, { environment }, log);
    // Exit status is the verdict, as with container exec probes: 0 is healthy.
    if (result.exitCode === 0) return { healthy: true, detail: tail(result.stdout, this.secretValues()) || "exit 0" };
    const why = tail(result.stderr || result.stdout, this.secretValues());
    return { healthy: false, detail: `exit ${result.exitCode}${why ? `: ${why}` : ""}` };
  }

  private run(argv: readonly string[], values: TemplateValues, log: DriverLog, rendered = false): Promise<ProcessResult> {
    return runProcess(rendered ? argv : renderArgs(argv, values), {
      timeoutMs: this.config.timeoutMs,
      cwd: this.config.cwd,
      env: { ...baseEnvironment(), ...this.secretEnv(), LAUNCH_CONTROL_RELEASE_ID: this.context.releaseId },
      secrets: this.secretValues(),
      log,
    });
  }

  private assertSucceeded(result: ProcessResult, which: string): void {
    if (result.exitCode === 0) return;
    const why = tail(result.stderr || result.stdout, this.secretValues());
    throw new DriverError(`${which} exited with ${result.exitCode}${why ? `: ${why}` : ""}`, { exitCode: result.exitCode, stderrTail: why });
  }

  private secretEnv(): Record<string, string> {
    return Object.fromEntries(this.config.secretEnv.map((name) => [name, this.secrets[name] ?? ""]));
  }

  private secretValues(): string[] {
    return this.config.secretEnv.map((name) => this.secrets[name] ?? "").filter(Boolean);
  }
}

export function parseReportedState(stdout: string, secrets: readonly string[] = []): ReportedState {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw new DriverError(`readStateCommand printed no JSON: ${tail(stdout, secrets).slice(0, 200) || "(nothing)"}`);
  }
  const parsed = reportedStateSchema.safeParse(json);
  if (!parsed.success) throw new DriverError(`readStateCommand printed unexpected JSON (${describeIssues(parsed.error)})`, { issues: parsed.error.issues });
  return parsed.data;
}
