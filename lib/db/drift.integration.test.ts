import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expectedSchema } from "@/test/drift/expected-schema";
import { readCatalog } from "@/test/drift/read-catalog";
import type { SchemaShape } from "@/test/drift/expected-schema";

// The migrations are written by hand; this proves the migrated database is
// what schema.prisma describes, so Prisma Client's queries match the tables.
// Every check lists all differences at once, named table.column.

const bookkeeping = "_prisma_migrations";
let expected: SchemaShape;
let actual: SchemaShape;

beforeAll(async () => {
  expected = await expectedSchema(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"));
  actual = await readCatalog(process.env.DATABASE_URL ?? "");
});

function differences<T>(want: Map<string, T>, have: Map<string, T>, ignore: string[] = []): string[] {
  const problems: string[] = [];
  for (const [name, shape] of want) {
    const found = have.get(name);
    if (found === undefined) problems.push(`missing ${name}: ${JSON.stringify(shape)}`);
    else if (JSON.stringify(found) !== JSON.stringify(shape)) {
      problems.push(`${name} differs: expected ${JSON.stringify(shape)}, found ${JSON.stringify(found)}`);
    }
  }
  for (const name of have.keys()) {
    if (!want.has(name) && !ignore.includes(name)) problems.push(`unexpected ${name} in the database`);
  }
  return problems;
}

describe("the migrated database matches schema.prisma", () => {
  it("has a table for every model and no others besides _prisma_migrations", () => {
    const want = [...expected.tables.keys()].sort();
    const have = [...actual.tables.keys()].filter((t) => t !== bookkeeping).sort();
    expect(have).toEqual(want);
    expect(actual.tables.has(bookkeeping)).toBe(true);
  });

  it("has every scalar field as a column of the right type, nullability and default, and no extra columns", () => {
    const problems: string[] = [];
    for (const [table, columns] of expected.tables) {
      const found = actual.tables.get(table) ?? new Map();
      for (const [name, want] of columns) {
        const have = found.get(name);
        if (!have) {
          problems.push(`missing column ${table}.${name}`);
          continue;
        }
        const { default: wantDefault, ...wantRest } = want;
        const { default: haveDefault, ...haveRest } = have;
        if (JSON.stringify(haveRest) !== JSON.stringify(wantRest)) {
          problems.push(`${table}.${name}: expected ${JSON.stringify(wantRest)}, found ${JSON.stringify(haveRest)}`);
        }
        const defaultMatches = wantDefault?.startsWith("/")
          ? new RegExp(wantDefault.slice(1, -1)).test(haveDefault ?? "")
          : wantDefault === haveDefault;
        if (!defaultMatches) problems.push(`${table}.${name}: default expected ${wantDefault}, found ${haveDefault}`);
      }
      for (const name of found.keys()) {
        if (!columns.has(name)) problems.push(`unexpected column ${table}.${name}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has the primary keys, unique constraints and indexes, named as Prisma names them, and no others", () => {
    const have = new Map([...actual.indexes].filter(([, index]) => index.table !== bookkeeping));
    expect(differences(expected.indexes, have)).toEqual([]);
  });

  it("has the foreign keys with their referenced tables and referential actions", () => {
    expect(differences(expected.foreignKeys, actual.foreignKeys)).toEqual([]);
  });

  it("has the enums with their values in order", () => {
    expect(differences(expected.enums, actual.enums)).toEqual([]);
  });

  it("knows the schema it compares (guards against an empty comparison)", () => {
    expect(expected.tables.size).toBeGreaterThanOrEqual(12);
    expect(expected.tables.get("User")?.get("id")).toMatchObject({ dataType: "uuid", nullable: false, default: null });
    expect(expected.indexes.get("ApiToken_userId_idx")).toEqual({ table: "ApiToken", columns: ["userId"], unique: false, primary: false });
    expect(expected.foreignKeys.get("ApiToken_userId_fkey")?.onDelete).toBe("Cascade");
  });
});
