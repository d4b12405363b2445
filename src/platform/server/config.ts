import path from 'node:path'
import Type, { type Static } from 'typebox'
import { Value } from 'typebox/value'

// The one place that reads process.env. Everything else receives a Config.
const EnvSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    description: 'development (default), production or test',
  }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, description: 'TCP port of the HTTP server' }),
  HOST: Type.String({ minLength: 1, description: 'interface to listen on' }),
  DATA_DIR: Type.String({ minLength: 1, description: 'folder of the embedded PGlite database' }),
  DATABASE_URL: Type.Optional(
    Type.String({
      pattern: '^postgres(ql)?://',
      description: 'PostgreSQL URL; when set, PGlite is not used',
    }),
  ),
  WORKERS: Type.Integer({
    minimum: 1,
    maximum: 64,
    description: 'server processes sharing the port (PostgreSQL only): one per core',
  }),
  SESSION_SECRET: Type.Optional(Type.String({ minLength: 32, description: 'at least 32 characters' })),
  SESSION_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 720 }),
  LOGIN_MAX_FAILURES: Type.Integer({ minimum: 1, maximum: 100 }),
  LOGIN_LOCK_MINUTES: Type.Integer({ minimum: 1, maximum: 1440 }),
  LOGIN_ATTEMPTS_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 100_000, description: 'per client IP' }),
  PIN_FAILURES_PER_CITY: Type.Integer({
    minimum: 1,
    maximum: 100_000,
    description: 'wrong nasabah PINs in one city within LOGIN_LOCK_MINUTES before PIN sign-in pauses there',
  }),
  PIN_PEPPER: Type.Optional(Type.String({ minLength: 32, description: 'at least 32 characters' })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
  ),
  SEED_DEMO: Type.Boolean({ description: 'seed the demo cities and users on first start' }),
  TRUST_PROXY: Type.Union(
    [Type.Literal(false), Type.String({ pattern: '^[0-9A-Fa-f.:/]+(,[0-9A-Fa-f.:/]+)*$' })],
    {
      description:
        'X-Forwarded-* is believed only from these proxies: false, or their addresses (127.0.0.1,10.0.0.0/8); true = a proxy on this host',
    },
  ),
})

type Env = Static<typeof EnvSchema>

export interface Config {
  env: Env['NODE_ENV']
  isProduction: boolean
  port: number
  host: string
  dataDir: string
  databaseUrl: string | undefined
  /** Processes serving HTTP (node:cluster); above 1 only with PostgreSQL, PGlite being in-process. */
  workers: number
  sessionSecret: string
  sessionTtlHours: number
  loginMaxFailures: number
  loginLockMinutes: number
  loginAttemptsPerMinute: number
  /**
   * Wrong nasabah PINs a city takes within `loginLockMinutes` before PIN sign-in pauses there: the
   * per-member lock alone lets a guesser try five PINs on every member number in turn.
   */
  pinFailuresPerCity: number
  /** The secret mixed into every PIN hash (argon2's secret input), kept outside the database. */
  pinPepper: string
  logLevel: Env['LOG_LEVEL']
  seedDemo: boolean
  /** false, or the proxies' addresses: never every hop, which would let a client pick its own IP. */
  trustProxy: false | string
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

// Development-only secrets: production refuses to start without its own (see loadConfig).
const DEVELOPMENT_SESSION_SECRET = 'sinergi-development-only-session-secret-do-not-use'
const DEVELOPMENT_PIN_PEPPER = 'sinergi-development-only-pin-pepper-do-not-use'

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  '1': true,
  yes: true,
  false: false,
  '0': false,
  no: false,
}

/**
 * `true` means a reverse proxy on this host (loopback), not every hop: trusting every hop would let
 * any client write its own X-Forwarded-For and slip past the per-IP login limits.
 */
function trustProxyOf(text: string): unknown {
  const normal = text.trim().toLowerCase().replace(/\s+/g, '')
  if (normal === '' || normal === 'false' || normal === 'no' || normal === '0') return false
  if (normal === 'true' || normal === 'yes' || normal === '1') return '127.0.0.1,::1'
  return normal
}

function coerce(raw: Record<string, string | undefined>): Record<string, unknown> {
  const nodeEnv = raw.NODE_ENV || 'development'
  const isProduction = nodeEnv === 'production'
  const value: Record<string, unknown> = {
    NODE_ENV: nodeEnv,
    PORT: raw.PORT ?? '3000',
    HOST: raw.HOST || (isProduction ? '0.0.0.0' : '127.0.0.1'),
    DATA_DIR: raw.DATA_DIR || './data',
    DATABASE_URL: raw.DATABASE_URL || undefined,
    WORKERS: raw.WORKERS ?? '1',
    SESSION_SECRET: raw.SESSION_SECRET || undefined,
    SESSION_TTL_HOURS: raw.SESSION_TTL_HOURS ?? '12',
    LOGIN_MAX_FAILURES: raw.LOGIN_MAX_FAILURES ?? '5',
    LOGIN_LOCK_MINUTES: raw.LOGIN_LOCK_MINUTES ?? '15',
    LOGIN_ATTEMPTS_PER_MINUTE: raw.LOGIN_ATTEMPTS_PER_MINUTE ?? '20',
    PIN_FAILURES_PER_CITY: raw.PIN_FAILURES_PER_CITY ?? '60',
    PIN_PEPPER: raw.PIN_PEPPER || undefined,
    LOG_LEVEL: raw.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    SEED_DEMO: raw.SEED_DEMO ?? (isProduction ? 'false' : 'true'),
    TRUST_PROXY: raw.TRUST_PROXY ?? 'false',
  }
  for (const key of [
    'PORT',
    'WORKERS',
    'SESSION_TTL_HOURS',
    'LOGIN_MAX_FAILURES',
    'LOGIN_LOCK_MINUTES',
    'LOGIN_ATTEMPTS_PER_MINUTE',
    'PIN_FAILURES_PER_CITY',
  ]) {
    const text = String(value[key]).trim()
    value[key] = /^-?\d+$/.test(text) ? Number(text) : text
  }
  for (const key of ['SEED_DEMO']) {
    const text = String(value[key]).trim().toLowerCase()
    value[key] = text in BOOLEAN_WORDS ? BOOLEAN_WORDS[text] : text
  }
  value.TRUST_PROXY = trustProxyOf(String(value.TRUST_PROXY))
  return value
}

function describe(key: string): string {
  const property = (EnvSchema.properties as Record<string, { description?: string }>)[key]
  return property?.description ? ` (${property.description})` : ''
}

/** Validates the environment once, at boot; every bad value gets its own line. */
export function loadConfig(raw: Record<string, string | undefined> = process.env): Config {
  const value = coerce(raw)
  const problems: string[] = []
  for (const error of Value.Errors(EnvSchema, value)) {
    const key = error.instancePath.replace(/^\//, '')
    if (!key) continue
    problems.push(`${key}=${JSON.stringify(raw[key] ?? '')} is not valid: ${error.message}${describe(key)}`)
  }
  const isProduction = value.NODE_ENV === 'production'
  if (isProduction && !value.SESSION_SECRET) {
    problems.push('SESSION_SECRET is required when NODE_ENV=production (at least 32 random characters)')
  }
  if (typeof value.WORKERS === 'number' && value.WORKERS > 1 && !value.DATABASE_URL) {
    problems.push('WORKERS above 1 needs DATABASE_URL: the embedded PGlite database lives inside one process')
  }
  if (isProduction && !value.PIN_PEPPER) {
    problems.push(
      'PIN_PEPPER is required when NODE_ENV=production (at least 32 random characters, kept apart from database backups)',
    )
  }
  if (isProduction && value.SEED_DEMO === true) {
    problems.push('SEED_DEMO=true is refused when NODE_ENV=production: demo users have published passwords')
  }
  if (problems.length > 0) throw new ConfigError([...new Set(problems)])

  const env = value as Env
  return {
    env: env.NODE_ENV,
    isProduction,
    port: env.PORT,
    host: env.HOST,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    workers: env.WORKERS,
    sessionSecret: env.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    loginMaxFailures: env.LOGIN_MAX_FAILURES,
    loginLockMinutes: env.LOGIN_LOCK_MINUTES,
    loginAttemptsPerMinute: env.LOGIN_ATTEMPTS_PER_MINUTE,
    pinFailuresPerCity: env.PIN_FAILURES_PER_CITY,
    pinPepper: env.PIN_PEPPER ?? DEVELOPMENT_PIN_PEPPER,
    logLevel: env.LOG_LEVEL,
    seedDemo: env.SEED_DEMO,
    trustProxy: env.TRUST_PROXY,
  }
}

/** The documented variables, for the README table and `sinergi --help`. */
export const CONFIG_VARIABLES = Object.keys(EnvSchema.properties)
