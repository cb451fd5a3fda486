// Test helper: opens PostgreSQL (or SQLite as a fallback), applies migration files and reads the
// schema back in the same shape for both engines, so the tests do not care which one runs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { Client, DatabaseError } from 'pg';
import initSqlJs from 'sql.js';

const DEFAULT_URL = 'postgres://localhost:5432/postgres';
const MIGRATIONS = path.join(__dirname, '..', 'migrations');

export interface Column {
  name: string;
  type: string;
  notNull: boolean;
  default: unknown;
  primaryKey: boolean;
}

export interface Index {
  name: string;
  unique: boolean;
  primary: boolean;
  columns: string[];
}

export interface ForeignKey {
  column: string;
  refTable: string;
  refColumn: string | null;
  onDelete: string;
}

/** Which constraint a statement broke, or 'none'. */
export type Violation = 'unique' | 'not null' | 'foreign key' | 'check' | 'none';

export type Row = Record<string, unknown>;

export interface Database {
  kind: 'postgres' | 'sqlite';
  engine: string;
  exec(sql: string): Promise<void>;
  all(sql: string): Promise<Row[]>;
  applyFile(file: string): Promise<void>;
  tables(): Promise<string[]>;
  columns(table: string): Promise<Column[]>;
  indexes(table: string): Promise<Index[]>;
  foreignKeys(table: string): Promise<ForeignKey[]>;
  violation(sql: string): Promise<Violation>;
  close(): Promise<void>;
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export async function openDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL || DEFAULT_URL;
  try {
    return await openPostgres(url);
  } catch (err) {
    const where = `PostgreSQL not reachable at ${redact(url)}: ${reasonOf(err)}`;
    if (process.env.BACKEND_ROADMAP_REQUIRE_POSTGRES === '1') {
      throw new Error(`${where}. BACKEND_ROADMAP_REQUIRE_POSTGRES=1 is set, so SQLite is not used instead. Start PostgreSQL or set DATABASE_URL.`);
    }
    const db = await openSqlite();
    db.engine = `${db.engine} — ${where}`;
    return db;
  }
}

async function openPostgres(url: string): Promise<Database> {
  // A short timeout: a missing server should mean "fall back" within seconds, not a hang.
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => {}); // a dropped connection surfaces in the next query instead
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    throw err;
  }
  // A fresh schema per run: parallel or aborted runs never see each other's tables.
  const schema = `exercise_${crypto.randomBytes(6).toString('hex')}`;
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`SET search_path TO ${schema}`);
  const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
  const q = async <T extends Row>(sql: string, params?: unknown[]): Promise<T[]> => (await client.query<T>(sql, params)).rows;

  const db: Database = {
    kind: 'postgres',
    engine: `PostgreSQL ${rows[0]?.server_version.split(' ')[0] ?? '?'}`,
    async exec(sql) {
      await client.query(sql);
    },
    async all(sql) {
      return q(sql);
    },
    async applyFile(file) {
      const sql = await readFile(path.join(MIGRATIONS, file), 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw new Error(`${file} failed on PostgreSQL: ${messageOf(err)}`);
      }
    },
    async tables() {
      const found = await q<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
        [schema],
      );
      return found.map((r) => r.table_name).sort();
    },
    async columns(table) {
      const found = await q<{ column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
        `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns
          WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
        [schema, table],
      );
      const pk = (await db.indexes(table)).find((i) => i.primary)?.columns ?? [];
      return found.map((r) => ({
        name: r.column_name,
        type: r.data_type.toLowerCase(),
        notNull: r.is_nullable === 'NO',
        default: r.column_default,
        primaryKey: pk.includes(r.column_name),
      }));
    },
    async indexes(table) {
      // pg_indexes only has the index definition as text; pg_index has the column list.
      const found = await q<{ name: string; unique: boolean; primary: boolean; columns: string[] }>(
        `SELECT ic.relname AS name, ix.indisunique AS "unique", ix.indisprimary AS "primary",
                ARRAY(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
                       ORDER BY k.n)::text[] AS columns
           FROM pg_index ix
           JOIN pg_class ic ON ic.oid = ix.indexrelid
           JOIN pg_class tc ON tc.oid = ix.indrelid
           JOIN pg_namespace ns ON ns.oid = tc.relnamespace
          WHERE ns.nspname = $1 AND tc.relname = $2`,
        [schema, table],
      );
      return found.map((r) => ({ name: r.name, unique: r.unique, primary: r.primary, columns: r.columns }));
    },
    async foreignKeys(table) {
      const found = await q<{ column_name: string; ref_table: string; ref_column: string; delete_rule: string }>(
        `SELECT kcu.column_name, ccu.table_name AS ref_table, ccu.column_name AS ref_column, rc.delete_rule
           FROM information_schema.referential_constraints rc
           JOIN information_schema.key_column_usage kcu
             ON kcu.constraint_schema = rc.constraint_schema AND kcu.constraint_name = rc.constraint_name
           JOIN information_schema.constraint_column_usage ccu
             ON ccu.constraint_schema = rc.constraint_schema AND ccu.constraint_name = rc.constraint_name
          WHERE kcu.table_schema = $1 AND kcu.table_name = $2`,
        [schema, table],
      );
      return found.map((r) => ({ column: r.column_name, refTable: r.ref_table, refColumn: r.ref_column, onDelete: r.delete_rule.toUpperCase() }));
    },
    async violation(sql) {
      try {
        await client.query(sql);
        return 'none';
      } catch (err) {
        const kinds: Record<string, Violation> = { 23505: 'unique', 23502: 'not null', 23503: 'foreign key', 23514: 'check' };
        const kind = err instanceof DatabaseError && err.code ? kinds[err.code] : undefined;
        if (kind) return kind;
        throw err;
      }
    },
    async close() {
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
  return db;
}

async function openSqlite(): Promise<Database> {
  const SQL = await initSqlJs();
  const sqlite = new SQL.Database(); // in memory: every run starts empty
  sqlite.exec('PRAGMA foreign_keys = ON'); // SQLite ignores REFERENCES unless asked
  const all = (sql: string): Row[] => {
    const [result] = sqlite.exec(sql);
    if (!result) return [];
    return result.values.map((row) => Object.fromEntries(row.map((v, i) => [result.columns[i] ?? String(i), v])));
  };
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const version = String(all('SELECT sqlite_version() AS v')[0]?.v);

  const db: Database = {
    kind: 'sqlite',
    engine: `SQLite ${version} (sql.js)`,
    async exec(sql) {
      sqlite.exec(sql);
    },
    async all(sql) {
      return all(sql);
    },
    async applyFile(file) {
      const sql = await readFile(path.join(MIGRATIONS, file), 'utf8');
      sqlite.exec('BEGIN');
      try {
        sqlite.exec(sql);
        sqlite.exec('COMMIT');
      } catch (err) {
        try {
          sqlite.exec('ROLLBACK');
        } catch {
          // already rolled back
        }
        throw new Error(`${file} failed on SQLite: ${messageOf(err)}`);
      }
    },
    async tables() {
      return all(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).map((r) => String(r.name));
    },
    async columns(table) {
      return all(`PRAGMA table_info(${quote(table)})`).map((r) => ({
        name: String(r.name),
        type: String(r.type).toLowerCase(),
        notNull: r.notnull === 1,
        default: r.dflt_value,
        primaryKey: Number(r.pk) > 0,
      }));
    },
    async indexes(table) {
      const list: Index[] = all(`PRAGMA index_list(${quote(table)})`).map((r) => ({
        name: String(r.name),
        unique: r.unique === 1,
        primary: r.origin === 'pk',
        columns: all(`PRAGMA index_info(${quote(String(r.name))})`)
          .sort((a, b) => Number(a.seqno) - Number(b.seqno))
          .map((c) => String(c.name)),
      }));
      // INTEGER PRIMARY KEY is the rowid itself and has no index entry; report it like PostgreSQL does.
      const pk = (await db.columns(table)).filter((c) => c.primaryKey).map((c) => c.name);
      if (pk.length > 0 && !list.some((i) => i.primary)) list.push({ name: `${table}_pkey`, unique: true, primary: true, columns: pk });
      return list;
    },
    async foreignKeys(table) {
      const out: ForeignKey[] = [];
      for (const r of all(`PRAGMA foreign_key_list(${quote(table)})`)) {
        // "REFERENCES users" without a column means the primary key of users.
        const refColumn = r.to != null ? String(r.to) : ((await db.columns(String(r.table))).find((c) => c.primaryKey)?.name ?? null);
        out.push({ column: String(r.from), refTable: String(r.table), refColumn, onDelete: String(r.on_delete).toUpperCase() });
      }
      return out;
    },
    async violation(sql) {
      try {
        sqlite.exec(sql);
        return 'none';
      } catch (err) {
        const m = /(UNIQUE|NOT NULL|FOREIGN KEY|CHECK) constraint failed/.exec(messageOf(err));
        if (m?.[1]) return m[1].toLowerCase() as Violation;
        throw err;
      }
    },
    async close() {
      sqlite.close();
    },
  };
  return db;
}

function reasonOf(err: unknown): string {
  // Node reports "localhost" (::1 and 127.0.0.1) failures as an AggregateError with no message.
  if (err instanceof AggregateError && err.errors.length > 0) {
    return [...new Set(err.errors.map((e: unknown) => (e instanceof Error ? e.message || (e as NodeJS.ErrnoException).code : String(e))))].join('; ');
  }
  if (err instanceof Error) return err.message || (err as NodeJS.ErrnoException).code || String(err);
  return String(err);
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
