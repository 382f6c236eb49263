import { readFile } from "node:fs/promises";
import { get_dmmf } from "@prisma/prisma-schema-wasm";

// What Prisma Migrate would create for schema.prisma, derived from the DMMF
// that @prisma/prisma-schema-wasm reads (no schema engine needed), in the same
// shape as read-catalog.ts reports the database.

export interface ColumnShape {
  dataType: string; // information_schema data_type
  udtName: string;
  nullable: boolean;
  default: string | null; // pg_get_expr of the default, or a /regex/ for sequences
  precision: number | null; // fractional seconds of timestamps
}

export interface IndexShape {
  table: string;
  columns: string[];
  unique: boolean;
  primary: boolean;
}

export interface ForeignKeyShape {
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface SchemaShape {
  tables: Map<string, Map<string, ColumnShape>>;
  indexes: Map<string, IndexShape>;
  foreignKeys: Map<string, ForeignKeyShape>;
  enums: Map<string, string[]>;
}

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
}

interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
    indexes: { model: string; type: "id" | "unique" | "normal" | "fulltext"; name?: string; dbName?: string; fields: { name: string }[] }[];
  };
}

export async function expectedSchema(schemaPath: string): Promise<SchemaShape> {
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: await readFile(schemaPath, "utf8") }))) as Dmmf;
  const models = new Map(dmmf.datamodel.models.map((model) => [model.name, model]));
  const tableOf = (name: string) => models.get(name)?.dbName ?? name;
  const columnOf = (model: DmmfModel, field: string) => model.fields.find((f) => f.name === field)?.dbName ?? field;

  const shape: SchemaShape = { tables: new Map(), indexes: new Map(), foreignKeys: new Map(), enums: new Map() };
  for (const e of dmmf.datamodel.enums) shape.enums.set(e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name));

  for (const model of dmmf.datamodel.models) {
    const table = tableOf(model.name);
    const columns = new Map<string, ColumnShape>();
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields?.length) {
          const from = field.relationFromFields.map((f) => columnOf(model, f));
          const target = models.get(field.type);
          if (!target) throw new Error(`relation ${model.name}.${field.name} points at unknown model ${field.type}`);
          shape.foreignKeys.set(`${table}_${from.join("_")}_fkey`, {
            table,
            columns: from,
            referencedTable: tableOf(field.type),
            referencedColumns: (field.relationToFields ?? []).map((f) => columnOf(target, f)),
            // Prisma's defaults: Restrict for a required relation, SetNull for an optional one.
            onDelete: field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull"),
            onUpdate: "Cascade",
          });
        }
        continue;
      }
      columns.set(field.dbName ?? field.name, columnShape(model, field));
    }
    shape.tables.set(table, columns);
  }

  for (const index of dmmf.datamodel.indexes) {
    const model = models.get(index.model);
    if (!model) throw new Error(`index on unknown model ${index.model}`);
    const table = tableOf(model.name);
    const columns = index.fields.map((f) => columnOf(model, f.name));
    const suffix = { id: "pkey", unique: "key", normal: "idx", fulltext: "idx" }[index.type];
    const name = index.dbName ?? (index.type === "id" ? `${table}_pkey` : `${table}_${columns.join("_")}_${suffix}`);
    shape.indexes.set(name, { table, columns, unique: index.type !== "normal", primary: index.type === "id" });
  }
  return shape;
}

function columnShape(model: DmmfModel, field: DmmfField): ColumnShape {
  const base = field.kind === "enum" ? { dataType: "USER-DEFINED", udtName: field.type } : scalarType(model, field);
  return {
    dataType: field.isList ? "ARRAY" : base.dataType,
    udtName: field.isList ? `_${base.udtName}` : base.udtName,
    // Prisma Migrate leaves list columns nullable.
    nullable: field.isList || !field.isRequired,
    default: defaultExpression(model, field, base.udtName),
    precision: base.udtName === "timestamptz" || base.udtName === "timestamp" ? timestampPrecision(field) : null,
  };
}

function scalarType(model: DmmfModel, field: DmmfField): { dataType: string; udtName: string } {
  const native = field.nativeType?.[0];
  const key = native ? `${field.type}@${native}` : field.type;
  const types: Record<string, { dataType: string; udtName: string }> = {
    String: { dataType: "text", udtName: "text" },
    "String@Uuid": { dataType: "uuid", udtName: "uuid" },
    Int: { dataType: "integer", udtName: "int4" },
    BigInt: { dataType: "bigint", udtName: "int8" },
    Float: { dataType: "double precision", udtName: "float8" },
    Boolean: { dataType: "boolean", udtName: "bool" },
    DateTime: { dataType: "timestamp without time zone", udtName: "timestamp" },
    "DateTime@Timestamptz": { dataType: "timestamp with time zone", udtName: "timestamptz" },
    Json: { dataType: "jsonb", udtName: "jsonb" },
    Bytes: { dataType: "bytea", udtName: "bytea" },
  };
  const type = types[key];
  if (!type) throw new Error(`drift test does not know how Prisma maps ${model.name}.${field.name} (${key}); extend scalarType`);
  return type;
}

function timestampPrecision(field: DmmfField): number {
  const arg = field.nativeType?.[1]?.[0];
  return arg === undefined ? 3 : Number(arg);
}

function defaultExpression(model: DmmfModel, field: DmmfField, udtName: string): string | null {
  if (!field.hasDefaultValue) return null;
  const value = field.default;
  if (value && typeof value === "object" && !Array.isArray(value) && "name" in value) {
    const fn = (value as { name: string }).name;
    if (fn === "now") return "CURRENT_TIMESTAMP";
    if (fn === "autoincrement") return `/^nextval\\('"${model.dbName ?? model.name}_${field.dbName ?? field.name}_seq"'::regclass\\)$/`;
    // uuid(), cuid(), nanoid() are generated by the client, not the database.
    if (["uuid", "cuid", "nanoid", "ulid"].includes(fn)) return null;
    throw new Error(`drift test does not know the default ${fn}() of ${model.name}.${field.name}`);
  }
  if (field.isList) {
    if (Array.isArray(value) && value.length === 0) return `ARRAY[]::${udtName}[]`;
    throw new Error(`drift test does not know the list default of ${model.name}.${field.name}`);
  }
  if (field.kind === "enum") return `'${String(value)}'::"${field.type}"`;
  if (typeof value === "string") return `'${value.replace(/'/g, "''")}'::${udtName}`;
  return String(value);
}
