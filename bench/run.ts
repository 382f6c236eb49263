// `npm run bench`: every benchmark, each printing its figures beside the
// baselines it measured in the same run.
import { runAbortLatency } from "./abort-latency";
import { runChecklistFanout } from "./checklist-fanout";
import { runMetricsIngest } from "./metrics-ingest";
import { runMetricsStream } from "./metrics-stream";

const benches: Record<string, () => Promise<void>> = {
  "checklist-fanout": runChecklistFanout,
  "abort-latency": runAbortLatency,
  "metrics-ingest": runMetricsIngest,
  "metrics-stream": runMetricsStream,
};

const only = process.argv[2];
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await run();
}
process.exit(0);
