import type pg from "pg";
import type { IntegrityCheck } from "./config";
import { messageOf } from "./target";

export type CheckValue = string | null;

export interface CheckOutcome {
  name: string;
  expected: CheckValue;
  actual: CheckValue;
  ok: boolean;
}

// One check's value, as text: its query must return exactly one row with one
// column. pg returns bigint and numeric as strings, so comparing as text is
// what keeps a count(*) from depending on the driver's type mapping.
export async function readCheckValue(client: pg.Client, check: IntegrityCheck): Promise<CheckValue> {
  let result: pg.QueryResult;
  try {
    result = await client.query({ text: check.sql, rowMode: "array" });
  } catch (error) {
    throw new Error(`Integrity check "${check.name}" could not run: ${messageOf(error)}`, { cause: error });
  }
  const rows = result.rows as unknown[][];
  if (rows.length !== 1 || rows[0]?.length !== 1) {
    throw new Error(
      `Integrity check "${check.name}" must return one row with one column; it returned ${rows.length} row(s)` +
        (rows[0] ? ` of ${rows[0].length} column(s)` : ""),
    );
  }
  return asText(rows[0][0]);
}

// Values of the checks that compare with "before" (sameAsBefore), read on a
// client the caller has placed in the right snapshot.
export async function readBeforeValues(client: pg.Client, checks: readonly IntegrityCheck[]): Promise<Record<string, CheckValue>> {
  const values: Record<string, CheckValue> = {};
  for (const check of checks) {
    if ("sameAsBefore" in check.expect) values[check.name] = await readCheckValue(client, check);
  }
  return values;
}

// Runs every check (in a read-only transaction, so a check cannot change the
// data it verifies) and reports each, passing or not.
export async function runIntegrityChecks(
  client: pg.Client,
  checks: readonly IntegrityCheck[],
  before: Record<string, CheckValue> | null,
): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = [];
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    for (const check of checks) {
      let expected: CheckValue;
      if ("equals" in check.expect) expected = String(check.expect.equals);
      else if (before && check.name in before) expected = before[check.name] ?? null;
      else throw new Error(`Integrity check "${check.name}" compares with the value before the migration, but the backup recorded none for it`);
      const actual = await readCheckValue(client, check);
      outcomes.push({ name: check.name, expected, actual, ok: matches(actual, expected, check) });
    }
  } finally {
    await client.query("ROLLBACK").catch(() => undefined);
  }
  return outcomes;
}

export function describeFailures(outcomes: readonly CheckOutcome[], checks: readonly IntegrityCheck[]): string {
  return outcomes
    .filter((outcome) => !outcome.ok)
    .map((outcome) => {
      const check = checks.find((candidate) => candidate.name === outcome.name);
      const source = check && "sameAsBefore" in check.expect ? " (the value before the migration)" : "";
      return `"${outcome.name}": expected ${show(outcome.expected)}${source}, got ${show(outcome.actual)}`;
    })
    .join("; ");
}

// A numeric expectation matches numerically ("1.50" equals 1.5); everything
// else compares as text.
function matches(actual: CheckValue, expected: CheckValue, check: IntegrityCheck): boolean {
  if ("equals" in check.expect && typeof check.expect.equals === "number") {
    return actual !== null && actual.trim() !== "" && Number(actual) === check.expect.equals;
  }
  return actual === expected;
}

function show(value: CheckValue): string {
  return value === null ? "NULL" : JSON.stringify(value);
}

function asText(value: unknown): CheckValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
