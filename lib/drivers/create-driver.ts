import { getReleaseSettings } from "@/lib/settings/get-settings";
import { defaultDriverConfig, type DriverConfig } from "./config";
import { CommandDriver } from "./command";
import { HaproxyDriver } from "./haproxy";
import { SimulatedDriver } from "./simulated";
import type { TrafficDriver } from "./types";
import { WebhookDriver } from "./webhook";

export type DriverPurpose = "production" | "rehearsal";

export interface DriverContext {
  releaseId: string;
  purpose: DriverPurpose;
}

export function createDriver(config: DriverConfig, secrets: Record<string, string>, context: DriverContext): TrafficDriver {
  switch (config.kind) {
    case "simulated":
      return new SimulatedDriver(context);
    case "haproxy":
      return new HaproxyDriver(config);
    case "command":
      return new CommandDriver(config, secrets, context);
    case "webhook":
      return new WebhookDriver(config, secrets, context);
  }
}

// The driver a release's operations use for `purpose`; the simulated one
// while nothing is configured, so a new release can rehearse out of the box.
export async function driverForRelease(releaseId: string, purpose: DriverPurpose): Promise<TrafficDriver> {
  const saved = await getReleaseSettings(releaseId, purpose === "production" ? "driver.production" : "driver.rehearsal");
  return createDriver(saved?.settings ?? defaultDriverConfig, saved?.secrets ?? {}, { releaseId, purpose });
}
