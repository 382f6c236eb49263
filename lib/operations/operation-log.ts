import { prisma } from "@/lib/db/client";
import { publishOperationLog } from "@/lib/events/bus";
import type { StepLogLevel } from "./steps/types";

export interface LogLine {
  releaseId: string;
  operationId: string;
  stepId: string | null;
  level: StepLogLevel;
  message: string;
}

// Longer lines (a command's whole output) are cut so one step cannot fill the
// table; the start of the output says what went wrong in practice.
const maxMessageLength = 8_000;

// Kept in OperationLog and sent live to the release room as it is written.
export async function appendOperationLog(line: LogLine): Promise<void> {
  const message = line.message.length > maxMessageLength ? `${line.message.slice(0, maxMessageLength)} … (cut)` : line.message;
  const row = await prisma.operationLog.create({
    data: { operationId: line.operationId, stepId: line.stepId, level: line.level, message },
    select: { id: true, at: true },
  });
  publishOperationLog({
    releaseId: line.releaseId,
    operationId: line.operationId,
    stepId: line.stepId,
    id: row.id.toString(),
    at: row.at.toISOString(),
    level: line.level,
    message,
  });
}

// A logger whose lines land in the order they were written, even when the
// caller does not wait for each one; a failed write is reported, not thrown,
// because losing a log line must not fail the step that wrote it.
export function orderedLogger(base: Omit<LogLine, "level" | "message">): {
  log(level: StepLogLevel, message: string): Promise<void>;
  flush(): Promise<void>;
} {
  let chain: Promise<void> = Promise.resolve();
  return {
    log(level, message) {
      chain = chain
        .then(() => appendOperationLog({ ...base, level, message }))
        .catch((error: unknown) => console.error(`operation ${base.operationId}: could not write log line`, error));
      return chain;
    },
    flush: () => chain,
  };
}
