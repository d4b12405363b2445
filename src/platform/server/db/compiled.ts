import { getTableColumns, Param, Placeholder, SQL, sql } from 'drizzle-orm'
import {
  PgDialect,
  type PgPreparedQuery,
  type PgTable,
  type SelectedFieldsOrdered,
} from 'drizzle-orm/pg-core'
import type { DbOrTx } from './client.ts'

/*
 * Statements built once, their values filled in per call. Drizzle builds a query's text on every
 * call (walking the builder, `is()` on every chunk), which was a third of the Node CPU of a bank
 * sampah deposit. A statement built with sql.placeholder() where its values go has the same text
 * every time: compiled once, it only needs its values in the right order.
 *
 * Drizzle's own `.prepare()` binds a query to the db or transaction it was built on, and every
 * transaction is a new object; a compiled statement keeps only the text and the row mapping, and
 * runs on whichever db or tx it is given, through that session's prepareQuery() — the method both
 * drivers (node-postgres and PGlite) build their own queries with, so results come back exactly
 * as the builder's would. db/client.ts still names recurring texts as server-side statements.
 */

const dialect = new PgDialect()

/** Where a parameter's value comes from: a placeholder (with the column's encoder), or a constant. */
type Slot = { name: string; encode?: (value: unknown) => unknown } | { constant: unknown }

/** The row mapping of a Drizzle prepared query: internal fields, the same in both drivers. */
interface PreparedInternals {
  fields?: SelectedFieldsOrdered
  joinsNotNullableMap?: Record<string, boolean>
  customResultMapper?: (rows: unknown[][]) => unknown
  isResponseInArrayMode(): boolean
}

export class Compiled<TResult = unknown> {
  private readonly slots: Slot[]

  constructor(
    private readonly text: string,
    params: unknown[],
    private readonly mapping?: PreparedInternals,
  ) {
    this.slots = params.map((param): Slot => {
      if (param instanceof Placeholder) return { name: param.name }
      if (param instanceof Param && param.value instanceof Placeholder) {
        const { encoder } = param
        return { name: param.value.name, encode: (value) => encoder.mapToDriverValue(value) }
      }
      return { constant: param }
    })
  }

  /** A raw statement (what `db.execute` runs); it answers as `db.execute` does. */
  static fromSql(statement: SQL): Compiled {
    const { sql: text, params } = dialect.sqlToQuery(statement)
    return new Compiled(text, params)
  }

  /** A Drizzle prepared query (a select or an insert … returning); it answers with mapped rows. */
  static fromPrepared<Q extends PgPreparedQuery<{ execute: unknown; all: unknown; values: unknown }>>(
    prepared: Q,
  ): Compiled<Awaited<ReturnType<Q['execute']>>> {
    const { sql: text, params } = prepared.getQuery()
    // Only the mapping: the prepared query itself holds the client it was built on.
    const { fields, joinsNotNullableMap, customResultMapper } = prepared as unknown as PreparedInternals
    const arrayMode = (prepared as unknown as PreparedInternals).isResponseInArrayMode()
    const mapping = {
      fields,
      joinsNotNullableMap,
      customResultMapper,
      isResponseInArrayMode: () => arrayMode,
    }
    return new Compiled(text, params, mapping)
  }

  /** The parameters in order, as Drizzle fills them: a null stays null (SQL NULL, not jsonb 'null'). */
  private fill(values: Record<string, unknown>): unknown[] {
    return this.slots.map((slot) => {
      if ('constant' in slot) return slot.constant
      if (!(slot.name in values)) throw new Error(`No value for placeholder "${slot.name}" was provided`)
      const value = values[slot.name]
      return slot.encode && value !== null ? slot.encode(value) : value
    })
  }

  async run(db: DbOrTx, values: Record<string, unknown>): Promise<TResult> {
    const { mapping } = this
    const query = db._.session.prepareQuery(
      { sql: this.text, params: this.fill(values) },
      mapping?.fields,
      undefined,
      mapping?.isResponseInArrayMode() ?? false,
      mapping?.customResultMapper,
    )
    if (mapping?.joinsNotNullableMap) {
      ;(query as unknown as PreparedInternals).joinsNotNullableMap = mapping.joinsNotNullableMap
    }
    return query.execute() as Promise<TResult>
  }
}

/**
 * A query compiled on first use: `build` makes it with sql.placeholder() for every value and ends
 * with `.prepare('')`. The db it is first given only serves to build it.
 */
export function compiledQuery<Q extends PgPreparedQuery<{ execute: unknown; all: unknown; values: unknown }>>(
  build: (db: DbOrTx) => Q,
) {
  let compiled: Compiled<Awaited<ReturnType<Q['execute']>>> | undefined
  return (db: DbOrTx, values: Record<string, unknown>) => {
    compiled ??= Compiled.fromPrepared(build(db))
    return compiled.run(db, values)
  }
}

/**
 * A statement (or a part of one, such as a CTE's body) whose text depends only on its `shape`:
 * `build(slot)` makes it with `slot(name)` wherever `values[name]` goes. Built with placeholders it
 * compiles once per shape; built with the values themselves it is the statement as Drizzle would
 * send it (`toSql`), for the rare shapes past a cache's limit. An empty shape is never compiled.
 */
export interface Piece {
  shape: string
  build(slot: (name: string) => unknown): SQL
  values: Record<string, unknown>
}

export function toSql(piece: Piece): SQL {
  return piece.build((name) => piece.values[name])
}

/**
 * Compiled statements by shape. Shapes follow the data (how many rows, which columns are set), so
 * the cache holds at most `limit`; a shape past it is built and sent as before.
 */
export class ShapeCache {
  private readonly byShape = new Map<string, Compiled>()

  constructor(private readonly limit = 200) {}

  /** The compiled statement of `shape`, built with `build` the first time; null past the limit. */
  get(shape: string, build: () => SQL): Compiled | null {
    let compiled = this.byShape.get(shape)
    if (!compiled) {
      if (this.byShape.size >= this.limit) return null
      compiled = Compiled.fromSql(build())
      this.byShape.set(shape, compiled)
    }
    return compiled
  }
}

/** The columns filled by a function when a row leaves them unset (`$defaultFn`, public ids). */
const generatedColumns = new WeakMap<PgTable, [string, () => unknown][]>()

function generatedOf(table: PgTable): [string, () => unknown][] {
  let generated = generatedColumns.get(table)
  if (!generated) {
    generated = Object.entries(getTableColumns(table)).flatMap(([key, column]) =>
      column.defaultFn ? [[key, column.defaultFn] as [string, () => unknown]] : [],
    )
    generatedColumns.set(table, generated)
  }
  return generated
}

/**
 * A multi-row insert as a piece: its shape is the table's tag and each row's set columns (an unset
 * column takes its default, so it changes the text). A column Drizzle fills with a function when
 * unset (`$defaultFn`) is filled here, per call, so no generated value is compiled into the text.
 * `extra` adds to every row what is not a value (an SQL expression, such as a CTE's id), and
 * `finish` ends the builder (`.returning(…)`).
 */
export function insertPiece(
  db: DbOrTx,
  options: {
    tag: string
    table: PgTable
    rows: Record<string, unknown>[]
    extra?: Record<string, SQL>
    finish?: (insert: { getSQL(): SQL; returning(fields: never): { getSQL(): SQL } }) => { getSQL(): SQL }
  },
): Piece {
  const generated = generatedOf(options.table)
  const values: Record<string, unknown> = {}
  let expressions = false
  const keys = options.rows.map((row, index) => {
    const rowKeys: string[] = []
    for (const key in row) {
      const value = row[key]
      if (value === undefined) continue
      if (value instanceof SQL) expressions = true
      rowKeys.push(key)
      values[`${index}.${key}`] = value
    }
    for (const [key, fill] of generated) {
      if (row[key] !== undefined) continue
      rowKeys.push(key)
      values[`${index}.${key}`] = fill()
    }
    return rowKeys
  })
  return {
    // A row with an SQL expression for a value is not one shape: sent as built (an empty shape).
    shape: expressions ? '' : `${options.tag}:${keys.map((rowKeys) => rowKeys.join(',')).join(';')}`,
    values,
    build: (slot) => {
      const insert = db.insert(options.table).values(
        keys.map((rowKeys, index) => {
          const row: Record<string, unknown> = { ...options.extra }
          for (const key of rowKeys) row[key] = slot(`${index}.${key}`)
          return row
        }) as never,
      )
      return (options.finish ? options.finish(insert as never) : insert).getSQL()
    },
  }
}

/** Placeholders named after a piece's values, prefixed (`along_1.…`) when pieces share a statement. */
export function placeholders(prefix = '') {
  return (name: string) => sql.placeholder(`${prefix}${name}`)
}

/** As many parameters as db/client.ts names at most (its `maxParameters`). */
const MAX_COMPILED_VALUES = 200

/**
 * Pieces assembled into one statement (`assemble` gets their SQL in order) and run: compiled once
 * per combination of shapes, each piece's values under its index; past the cache's limit, built
 * with the values and run as `db.execute` would. Either way it answers as `db.execute` does.
 */
export function runPieces(
  db: DbOrTx,
  cache: ShapeCache,
  pieces: Piece[],
  assemble: (parts: SQL[]) => SQL,
): Promise<unknown> {
  let valueCount = 0
  for (const piece of pieces) for (const _ in piece.values) valueCount++
  // A statement with this many values is rare and its text long: not worth keeping.
  const compiled =
    valueCount > MAX_COMPILED_VALUES || pieces.some((piece) => piece.shape === '')
      ? null
      : cache.get(pieces.map((piece) => piece.shape).join('|'), () =>
          assemble(pieces.map((piece, index) => piece.build(placeholders(`${index}:`)))),
        )
  if (!compiled) return db.execute(assemble(pieces.map(toSql)))
  const values: Record<string, unknown> = {}
  pieces.forEach((piece, index) => {
    for (const key in piece.values) values[`${index}:${key}`] = piece.values[key]
  })
  return compiled.run(db, values)
}

function isPiece(statement: SQL | Piece): statement is Piece {
  return !(statement instanceof SQL)
}

/** A statement built already, as a piece that is never compiled (an empty shape). */
export function asPiece(statement: SQL | Piece): Piece {
  return isPiece(statement) ? statement : { shape: '', values: {}, build: () => statement }
}
