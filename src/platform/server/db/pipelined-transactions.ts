import type { Tx } from './client.ts'

/*
 * Two waits fewer per write transaction on PostgreSQL, with the same statements and outcome.
 *
 * A transaction through Drizzle waits for PostgreSQL's answer to `begin` before its first statement,
 * and for its last statement's answer before `commit`. On this kind of machine each wait costs
 * both processes a wake-up (about 35 µs of CPU each side, measured on a loopback ping-pong), and a
 * bank sampah deposit made nine of them. The pool's connections run in node-postgres's pipeline
 * mode (`pipeline: true`: a statement is written without waiting for the one before to be
 * answered; each still carries its own Sync), and this wrapper
 *
 * - holds `begin` and writes it in one packet with the transaction's first statement; a
 *   transaction that ends before its first statement sends nothing at all;
 * - holds the statement marked with `holdUntilCommit(tx)` (the transaction's last, which nothing
 *   reads) and writes it in one packet with `commit`.
 *
 * What a caller sees does not change: `begin` was never going to fail on a connection the pool
 * hands out idle, and the held statement's failure is the commit's failure. When it fails,
 * PostgreSQL answers the `commit` behind it with ROLLBACK, nothing of the transaction is kept, and
 * the statement's own error (a constraint's, say) is what the commit rejects with.
 */

type QueryFn = (...args: unknown[]) => unknown

interface ClientLike {
  query: QueryFn
  connection: { stream: { cork(): void; uncork(): void } }
}

interface PipelineState {
  /** Statements asked for and not yet written (`begin`, the held last statement), in order. */
  pending: unknown[][]
  /** The next statement is the transaction's last: hold it for the commit. */
  holdNext: boolean
}

const states = new WeakMap<object, PipelineState>()

/** What node-postgres answers, for a statement held back (nothing reads its result). */
function answered(command: string) {
  return { command, rowCount: null, oid: null, rows: [], fields: [] }
}

function textOf(config: unknown): string | undefined {
  if (typeof config === 'string') return config
  if (config !== null && typeof config === 'object') {
    const text = (config as { text?: unknown }).text
    return typeof text === 'string' ? text : undefined
  }
  return undefined
}

/** Drizzle's own transaction control: lower case, no parameters, a promise wanted. */
function control(args: unknown[]): 'begin' | 'commit' | 'rollback' | null {
  if (args.some((arg) => typeof arg === 'function')) return null
  const text = textOf(args[0])
  return text === 'begin' || text === 'commit' || text === 'rollback' ? text : null
}

/** Installs the wrapper on a pool connection (the pool must run with `pipeline: true`). */
export function pipelineTransactions(client: ClientLike): void {
  const query = client.query.bind(client) as QueryFn
  const state: PipelineState = { pending: [], holdNext: false }
  states.set(client, state)
  /** All in one write: node-postgres corks for each statement, so the outer cork holds them all. */
  const send = (statements: unknown[][]) => {
    const { stream } = client.connection
    stream.cork()
    try {
      return statements.map((args) => query(...args) as Promise<unknown>)
    } finally {
      stream.uncork()
    }
  }
  client.query = (...args: unknown[]) => {
    const command = control(args)
    if (command === 'begin' && state.pending.length === 0) {
      state.pending.push(args)
      return Promise.resolve(answered('BEGIN'))
    }
    if (command !== null) state.holdNext = false
    const nothingSent = state.pending.length > 0 && control(state.pending[0]!) === 'begin'
    if (command === 'rollback' || (command === 'commit' && nothingSent && state.pending.length === 1)) {
      const unsent = state.pending
      state.pending = []
      // Nothing of the transaction reached PostgreSQL: there is nothing to end.
      if (unsent.length > 0 && nothingSent) return Promise.resolve(answered(command.toUpperCase()))
      // The held statement is dropped: rolling back needs only the rollback.
      return query(...args)
    }
    if (state.holdNext && command === null) {
      state.holdNext = false
      state.pending.push(args)
      return Promise.resolve(answered('HELD'))
    }
    if (state.pending.length === 0) return query(...args)
    const statements = [...state.pending, args]
    state.pending = []
    return Promise.all(send(statements)).then((values) => {
      const value = values.at(-1) as { command?: string }
      // A held statement that failed has rejected already; this is the case nothing else reports.
      if (command === 'commit' && value.command !== 'COMMIT')
        throw new Error('PostgreSQL rolled the transaction back at its commit')
      return value
    })
  }
}

/**
 * Marks the transaction's next statement as its last: on PostgreSQL it is written together with
 * the commit. Its result is not read (the promise resolves with no rows at once); its failure
 * fails the commit. Does nothing on PGlite, where there is no connection to wait on.
 */
export function holdUntilCommit(tx: Tx): void {
  const client = (tx as unknown as { session?: { client?: object } }).session?.client
  const state = client ? states.get(client) : undefined
  if (state) state.holdNext = true
}
