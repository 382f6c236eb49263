import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { parseExposition } from "./exposition";

describe("parseExposition", () => {
  it("reads one sample per line, with the environment label and timestamp", () => {
    const text = [
      "# HELP error_rate Failing requests, percent",
      "# TYPE error_rate gauge",
      'error_rate{environment="green",service="api"} 0.42 1764417600000',
      'error_rate{environment="blue"} 0.05',
      "bounce_rate 12.5",
      "",
    ].join("\n");
    expect(parseExposition(text)).toEqual([
      { metric: "error_rate", environment: "green", value: 0.42, at: new Date(1764417600000) },
      { metric: "error_rate", environment: "blue", value: 0.05 },
      { metric: "bounce_rate", environment: "all", value: 12.5 },
    ]);
  });

  it("passes NaN through for validation to refuse by index", () => {
    expect(parseExposition('error_rate{environment="green"} NaN\n')[0]?.value).toBeNaN();
  });

  it("refuses malformed lines and summaries", () => {
    const refusal = (text: string) => {
      try {
        parseExposition(text);
      } catch (error) {
        if (isAppError(error)) return error.status;
      }
      return null;
    };
    expect(refusal('error_rate{environment="green" 1\n')).toBe(400);
    expect(refusal('# TYPE latency summary\nlatency{quantile="0.95"} 120\nlatency_sum 10\nlatency_count 3\n')).toBe(400);
  });
});
