import pg from "pg";
import type { ColumnShape, ForeignKeyShape, IndexShape, SchemaShape } from "./expected-schema";

const referentialActions: Record<string, string> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};

// The public schema as Postgres reports it, in the shape of expected-schema.ts.
export async function readCatalog(connectionString: string): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const shape: SchemaShape = { tables: new Map(), indexes: new Map(), foreignKeys: new Map(), enums: new Map() };

    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    for (const row of tables.rows) shape.tables.set(row.table_name, new Map());

    const columns = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: "YES" | "NO";
      column_default: string | null;
      datetime_precision: number | null;
    }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, datetime_precision
       FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    for (const row of columns.rows) {
      const column: ColumnShape = {
        dataType: row.data_type,
        udtName: row.udt_name,
        nullable: row.is_nullable === "YES",
        default: row.column_default,
        precision: row.data_type.startsWith("timestamp") ? row.datetime_precision : null,
      };
      shape.tables.get(row.table_name)?.set(row.column_name, column);
    }

    const indexes = await client.query<{ name: string; table: string; columns: string[]; unique: boolean; primary: boolean }>(
      `SELECT i.relname AS name, t.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary,
              array_agg(a.attname ORDER BY k.ord)::text[] AS columns
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       GROUP BY i.relname, t.relname, ix.indisunique, ix.indisprimary`,
    );
    for (const row of indexes.rows) {
      const index: IndexShape = { table: row.table, columns: row.columns, unique: row.unique, primary: row.primary };
      shape.indexes.set(row.name, index);
    }

    const foreignKeys = await client.query<{
      name: string;
      table: string;
      columns: string[];
      referenced_table: string;
      referenced_columns: string[];
      on_delete: string;
      on_update: string;
    }>(
      `SELECT c.conname AS name, t.relname AS table, r.relname AS referenced_table,
              c.confdeltype AS on_delete, c.confupdtype AS on_update,
              ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns,
              ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS referenced_columns
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class r ON r.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       WHERE c.contype = 'f'`,
    );
    for (const row of foreignKeys.rows) {
      const fk: ForeignKeyShape = {
        table: row.table,
        columns: row.columns,
        referencedTable: row.referenced_table,
        referencedColumns: row.referenced_columns,
        onDelete: referentialActions[row.on_delete] ?? row.on_delete,
        onUpdate: referentialActions[row.on_update] ?? row.on_update,
      };
      shape.foreignKeys.set(row.name, fk);
    }

    const enums = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
       GROUP BY t.typname`,
    );
    for (const row of enums.rows) shape.enums.set(row.name, row.values);
    return shape;
  } finally {
    await client.end();
  }
}
