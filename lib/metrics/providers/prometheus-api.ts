import { z } from "zod";

// The two calls Launch Control makes to a Prometheus HTTP API. Prometheus
// 2.42 has no parse-only endpoint (/api/v1/parse_query came later), so a
// query is checked by evaluating it at time 0: a parse error is a 400
// "bad_data" before any data is touched, and at time 0 there is nothing to
// scan, so the check is cheap even for heavy queries.

export class PrometheusError extends Error {
  constructor(
    message: string,
    readonly kind: "unreachable" | "timeout" | "bad_query" | "bad_answer",
  ) {
    super(message);
    this.name = "PrometheusError";
  }
}

const sampleValue = z.tuple([z.number(), z.string()]);
const answerSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("success"),
    data: z.discriminatedUnion("resultType", [
      z.object({ resultType: z.literal("vector"), result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: sampleValue })) }),
      z.object({ resultType: z.literal("scalar"), result: sampleValue }),
      z.object({ resultType: z.literal("matrix"), result: z.array(z.unknown()) }),
      z.object({ resultType: z.literal("string"), result: sampleValue }),
    ]),
  }),
  z.object({ status: z.literal("error"), errorType: z.string(), error: z.string() }),
]);

export type PromQLVerdict = { ok: true } | { ok: false; kind: "bad_query" | "unreachable" | "timeout" | "bad_answer"; error: string };

export async function validatePromQL(baseUrl: string, query: string, timeoutMs = 5_000): Promise<PromQLVerdict> {
  try {
    await callQuery(baseUrl, query, new Date(0), timeoutMs);
    return { ok: true };
  } catch (error) {
    if (!(error instanceof PrometheusError)) throw error;
    const prefix = error.kind === "bad_query" ? "Prometheus cannot parse this query" : "Could not check this query with Prometheus";
    return { ok: false, kind: error.kind, error: `${prefix}: ${error.message}` };
  }
}

// The query's single number at `time`; null when it has no data (an empty
// vector, or NaN as from 0/0 with no traffic): "no data" must never read as 0.
export async function instantQuery(baseUrl: string, query: string, time: Date, timeoutMs: number): Promise<number | null> {
  const data = await callQuery(baseUrl, query, time, timeoutMs);
  let raw: string;
  if (data.resultType === "scalar") raw = data.result[1];
  else if (data.resultType === "vector") {
    if (data.result.length === 0) return null;
    if (data.result.length > 1) {
      throw new PrometheusError(`The query returns ${data.result.length} series; aggregate it to one (e.g. sum(…) or max(…))`, "bad_query");
    }
    raw = data.result[0]!.value[1];
  } else throw new PrometheusError(`The query returns a ${data.resultType}; it must yield one number`, "bad_query");
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

type QueryData = Extract<z.infer<typeof answerSchema>, { status: "success" }>["data"];

async function callQuery(baseUrl: string, query: string, time: Date, timeoutMs: number): Promise<QueryData> {
  const url = new URL("api/v1/query", baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  const body = new URLSearchParams({ query, time: (time.getTime() / 1000).toFixed(3), timeout: `${Math.max(1, Math.floor(timeoutMs / 1000))}s` });
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", body, signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
  } catch (error) {
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
      throw new PrometheusError(`Prometheus at ${url.origin} did not answer within ${timeoutMs} ms`, "timeout");
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new PrometheusError(`Prometheus at ${url.origin} is unreachable: ${cause}`, "unreachable");
  }
  const text = await response.text();
  let parsed: z.infer<typeof answerSchema>;
  try {
    parsed = answerSchema.parse(JSON.parse(text));
  } catch {
    throw new PrometheusError(`Prometheus at ${url.origin} answered HTTP ${response.status} with something other than its API's JSON: ${text.slice(0, 200)}`, "bad_answer");
  }
  if (parsed.status === "error") {
    // bad_data is Prometheus's word for a query it cannot parse or type-check.
    throw new PrometheusError(parsed.error, parsed.errorType === "bad_data" ? "bad_query" : "bad_answer");
  }
  return parsed.data;
}
