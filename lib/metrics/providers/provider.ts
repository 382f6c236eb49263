import type { Sample } from "../sample";

// Where a release's samples come from. `collect` answers what the source
// says now; it throws MetricSourceError when the source cannot be read, so a
// failure is recorded as such and never stored as a zero.
export interface MetricProvider {
  readonly source: string;
  collect(now: Date): Promise<Sample[]>;
}

export class MetricSourceError extends Error {
  constructor(
    message: string,
    // What could still be read when only part of the source failed.
    readonly partial: Sample[] = [],
  ) {
    super(message);
    this.name = "MetricSourceError";
  }
}
