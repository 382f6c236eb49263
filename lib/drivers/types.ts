// A traffic driver moves users between the blue (current) and green (new)
// environments and reports what the traffic layer really does. Every call is
// idempotent: setting the same split twice has the same effect as once.

export type Environment = "blue" | "green";

export interface TrafficState {
  // Green's share of requests as the traffic layer reports it, 0–100.
  greenPercent: number;
  weights: { blue: number; green: number };
  health: Record<Environment, EnvironmentHealth>;
  // Free-form facts from the driver for the operation log (e.g. `show stat` rows).
  raw?: unknown;
}

export interface EnvironmentHealth {
  healthy: boolean;
  detail: string;
}

export interface DriverLog {
  (level: "info" | "warn" | "error", message: string): void;
}

export interface TrafficDriver {
  readonly kind: DriverKind;
  readState(log: DriverLog): Promise<TrafficState>;
  // Green gets `greenPercent` % of requests and blue the rest (relative
  // weights: 25 → blue 75 / green 25). Resolves once the driver confirms it.
  setSplit(greenPercent: number, log: DriverLog): Promise<TrafficState>;
  healthCheck(environment: Environment, log: DriverLog): Promise<EnvironmentHealth>;
  close?(): Promise<void>;
}

export const driverKinds = ["simulated", "haproxy", "command", "webhook"] as const;
export type DriverKind = (typeof driverKinds)[number];

export class DriverError extends Error {
  constructor(
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = "DriverError";
  }
}
