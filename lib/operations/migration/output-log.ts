import type { StepContext } from "@/lib/operations/steps/types";

export interface OutputLog {
  line(stream: "stdout" | "stderr", line: string): void;
  close(): Promise<void>;
}

const flushAfterMs = 250;
const maxLinesPerEntry = 50;

// A command's output, redacted, into the step log in batches of lines: each
// log call is a database write and a live event, so a chatty command must not
// make one per line. Writes stay in order.
export function outputLog(log: StepContext["log"], redact: (text: string) => string): OutputLog {
  let pending: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const message = redact(pending.join("\n"));
    pending = [];
    // A failed log write must not fail the command it describes.
    chain = chain.then(() => log("info", message)).catch(() => undefined);
  };

  return {
    line(stream, line) {
      pending.push(stream === "stderr" ? `[stderr] ${line}` : line);
      if (pending.length >= maxLinesPerEntry) flush();
      else timer ??= setTimeout(flush, flushAfterMs);
    },
    async close() {
      flush();
      await chain;
    },
  };
}
