import { driverForRelease, type DriverPurpose } from "@/lib/drivers/create-driver";
import { AppError } from "@/lib/errors";
import { assertRelease } from "./operation-dto";
import { describeError } from "./operation-state";
import type { TrafficDto } from "./operations.validation";

// The split as the traffic layer reports it right now — never the one last
// requested. An unreachable driver is a 503 with the driver's reason.
export async function readTraffic(releaseId: string, purpose: DriverPurpose): Promise<TrafficDto> {
  await assertRelease(releaseId);
  const driver = await driverForRelease(releaseId, purpose);
  try {
    const state = await driver.readState(() => undefined);
    return { driver: driver.kind, greenPercent: state.greenPercent, weights: state.weights, health: state.health, readAt: new Date().toISOString() };
  } catch (error) {
    throw new AppError("UNAVAILABLE", `The ${driver.kind} traffic driver did not answer: ${describeError(error)}`, { driver: driver.kind });
  } finally {
    await driver.close?.();
  }
}
