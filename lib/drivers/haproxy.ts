import { parseHaproxyAddress, type HaproxyAddress, type HaproxyDriverConfig } from "./config";
import { describeAddress, parseShowStat, runtimeCommand, serverHealth, type StatRow } from "./haproxy-runtime";
import { greenPercentFromWeights, weightsForSplit } from "./split";
import { DriverError, type DriverLog, type Environment, type EnvironmentHealth, type TrafficDriver, type TrafficState } from "./types";

// Blue and green are two servers of one HAProxy backend; the split is their
// relative weights. Everything reported comes from `show stat`, so the split
// shown is what HAProxy does, not what was asked of it.
export class HaproxyDriver implements TrafficDriver {
  readonly kind = "haproxy" as const;
  private readonly address: HaproxyAddress;
  private readonly where: string;

  constructor(private readonly config: HaproxyDriverConfig) {
    const address = parseHaproxyAddress(config.address);
    if (!address) throw new DriverError(`Invalid HAProxy address "${config.address}"`);
    this.address = address;
    this.where = describeAddress(address);
  }

  async readState(log: DriverLog): Promise<TrafficState> {
    const rows = await this.serverRows(log);
    const weights = { blue: rows.blue.userWeight, green: rows.green.userWeight };
    return {
      greenPercent: greenPercentFromWeights(weights),
      weights,
      health: { blue: serverHealth(rows.blue), green: serverHealth(rows.green) },
      raw: { blue: summarise(rows.blue), green: summarise(rows.green) },
    };
  }

  async setSplit(greenPercent: number, log: DriverLog): Promise<TrafficState> {
    const target = weightsForSplit(greenPercent);
    // Green first: when traffic goes back to blue (abort, rollback) green stops
    // receiving new requests with the very first command.
    await this.setWeight(this.config.greenServer, target.green, log);
    await this.setWeight(this.config.blueServer, target.blue, log);
    const state = await this.readState(log);
    if (state.weights.blue !== target.blue || state.weights.green !== target.green) {
      throw new DriverError(
        `HAProxy reports weights blue ${state.weights.blue} / green ${state.weights.green} after setting ${target.blue} / ${target.green}`,
        { expected: target, reported: state.weights },
      );
    }
    log("info", `HAProxy confirms green ${state.greenPercent} % (weights blue ${state.weights.blue} / green ${state.weights.green})`);
    return state;
  }

  async healthCheck(environment: Environment, log: DriverLog): Promise<EnvironmentHealth> {
    const rows = await this.serverRows(log);
    const health = serverHealth(rows[environment]);
    log(health.healthy ? "info" : "warn", `HAProxy ${this.config.backend}/${this.serverName(environment)}: ${health.detail}`);
    return health;
  }

  private serverName(environment: Environment): string {
    return environment === "blue" ? this.config.blueServer : this.config.greenServer;
  }

  private async setWeight(server: string, weight: number, log: DriverLog): Promise<void> {
    const command = `set server ${this.config.backend}/${server} weight ${weight}`;
    log("info", `HAProxy ${this.where}: ${command}`);
    const answer = (await runtimeCommand(this.address, command, this.config.timeoutMs)).trim();
    // Success is an empty answer; anything else is HAProxy saying why not.
    if (answer !== "") throw new DriverError(`HAProxy refused "${command}": ${answer.slice(0, 300)}`, { command, answer });
  }

  private async serverRows(log: DriverLog): Promise<Record<Environment, StatRow>> {
    // Type 4 = servers only, and only this backend's: a small answer even on a
    // load balancer with hundreds of proxies.
    const command = `show stat ${this.config.backend} 4 -1`;
    const answer = await runtimeCommand(this.address, command, this.config.timeoutMs);
    if (!answer.startsWith("# ")) {
      throw new DriverError(`HAProxy refused "${command}": ${answer.trim().slice(0, 300)}`, { command, answer: answer.slice(0, 300) });
    }
    const rows = parseShowStat(answer).filter((row) => row.proxy === this.config.backend);
    const find = (server: string): StatRow => {
      const row = rows.find((candidate) => candidate.server === server);
      if (!row) {
        const known = rows.map((candidate) => candidate.server).join(", ") || "none";
        throw new DriverError(`Server "${server}" not found in HAProxy backend "${this.config.backend}" (servers: ${known})`);
      }
      return row;
    };
    const result = { blue: find(this.config.blueServer), green: find(this.config.greenServer) };
    log("info", `HAProxy ${this.where}: ${command} → blue ${result.blue.status} w${result.blue.userWeight}, green ${result.green.status} w${result.green.userWeight}`);
    return result;
  }
}

function summarise(row: StatRow) {
  return { server: row.server, status: row.status, weight: row.userWeight, effectiveWeight: row.effectiveWeight, check: row.checkStatus };
}
