/**
 * `cookiegate/server/postgres`: receipts in PostgreSQL, one append-only table. Pass a `pg` Pool or
 * Client (or anything with the same `query(text, values)`, such as @neondatabase/serverless);
 * this module imports nothing.
 */
import type { Receipt, ReceiptMeta, ReceiptStore } from './receipts'

/** What the store needs of a `pg` Pool or Client. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>
}

/** One stored receipt, as `history()` lists it. */
export interface StoredReceipt {
  receipt: Receipt
  receivedAt: Date
  ip: string | null
}

export interface PostgresStore extends ReceiptStore {
  /** Stores a receipt; the same receipt sent again is kept once. */
  save(receipt: Receipt, meta: ReceiptMeta): Promise<void>
  /** Every receipt of a consent id, oldest first: the answer to a data-access request (GDPR Art. 15). */
  history(consentId: string): Promise<StoredReceipt[]>
  /** Deletes every receipt of a consent id (GDPR Art. 17); returns how many there were. */
  erase(consentId: string): Promise<number>
  /** Creates the table, its index and the append-only trigger if they do not exist (`receiptsTableSql`). */
  setup(): Promise<void>
}

// The consent id's form (as in src/core/parse.ts; not imported, so this file shares no chunk with the browser's).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const TABLE = /^([a-z_][a-z0-9_]{0,62}\.)?[a-z_][a-z0-9_]{0,62}$/

/**
 * The SQL that creates the receipts table (`CREATE … IF NOT EXISTS`, so it can run at every start):
 * - `seq`: insertion order; `consent_id`: the id of the `cookiegate` cookie, indexed for
 *   `history` and `erase`; `received_at`, `ip` (only when the handler's `trustIp` is set);
 *   `receipt`: the receipt exactly as the browser sent it (after validation).
 * - A unique index on the consent id and the receipt's content keeps a receipt that arrives twice
 *   once (it also serves the look-ups by consent id).
 * - Append-only: a trigger refuses every UPDATE; rows are only ever added, or deleted by `erase`.
 */
export function receiptsTableSql(table = 'cookiegate_receipts'): string {
  if (!TABLE.test(table)) throw new TypeError(`cookiegate/server/postgres: ${JSON.stringify(table)} is not a plain table name (lower-case letters, digits, "_", optionally "schema.")`)
  let name = table.split('.').pop()
  return `CREATE TABLE IF NOT EXISTS ${table} (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consent_id uuid NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  ip inet,
  receipt jsonb NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ${name}_consent_id ON ${table} (consent_id, md5(receipt::text));
CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '${table} is append-only: a receipt is never changed (erasure deletes it)';
END $$;
DROP TRIGGER IF EXISTS ${name}_append_only ON ${table};
CREATE TRIGGER ${name}_append_only BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only();
`
}

/** `receiptsTableSql()` for the default table name `cookiegate_receipts`. */
export const RECEIPTS_TABLE_SQL = receiptsTableSql()

/**
 * A receipt store for `createReceiptHandler({ store })` on a `pg` Pool or Client.
 *
 * ```js
 * import pg from 'pg'
 * const store = createPostgresStore({ pool: new pg.Pool() })
 * await store.setup()
 * ```
 */
export function createPostgresStore(options: { pool?: Queryable; client?: Queryable; table?: string }): PostgresStore {
  let db = options.pool || options.client
  if (!db || typeof db.query !== 'function') throw new TypeError('createPostgresStore: pass { pool } or { client } (a pg Pool or Client)')
  let table = options.table || 'cookiegate_receipts'
  let sql = receiptsTableSql(table)
  let valid = (id: unknown): id is string => typeof id === 'string' && UUID.test(id)
  return {
    async save(receipt, meta) {
      if (!valid(receipt?.id)) throw new TypeError('cookiegate/server/postgres: a receipt needs its consent id')
      await db.query(
        `INSERT INTO ${table} (consent_id, received_at, ip, receipt) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT DO NOTHING`,
        [receipt.id, meta?.receivedAt || new Date(), meta?.ip || null, JSON.stringify(receipt)]
      )
    },
    async history(consentId) {
      if (!valid(consentId)) return []
      let { rows } = await db.query(`SELECT receipt, received_at, host(ip) AS ip FROM ${table} WHERE consent_id = $1 ORDER BY seq`, [consentId])
      return rows.map((row) => ({ receipt: row.receipt, receivedAt: new Date(row.received_at), ip: row.ip ?? null }))
    },
    async erase(consentId) {
      if (!valid(consentId)) return 0
      let { rowCount } = await db.query(`DELETE FROM ${table} WHERE consent_id = $1`, [consentId])
      return rowCount || 0
    },
    async setup() {
      await db.query(sql)
    }
  }
}
