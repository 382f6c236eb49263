// Node flags for the production server, shared by `npm start` and the
// benchmarks so what is measured is what runs.
//
// A 64 MiB young generation (V8's default is 16 MiB): a metrics push batch
// (a 100 KB body, a thousand validated samples, the query's arrays) is still
// alive across its database round trip, and with the default size the
// scavenges that run meanwhile promote it to the old generation, which then
// fills and stops the event loop for tens of milliseconds. bench/metrics-ingest
// measured checklist fan-out under ingest at 0.85–1.68× its idle p95 over six
// runs without the flag, 1.12–1.19× over three with it.
export const serverNodeArgs = ["--max-semi-space-size=64"];
