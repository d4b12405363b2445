import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
    return []
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
}

describe('configuration', () => {
  it('starts in development with nothing set: port 3000, PGlite in ./data, demo on', () => {
    const config = loadConfig({})
    expect(config.port).toBe(3000)
    expect(config.dataDir).toMatch(/data$/)
    expect(config.databaseUrl).toBeUndefined()
    expect(config.seedDemo).toBe(true)
  })

  it('names each bad value on its own line', () => {
    const problems = problemsOf({ PORT: 'tiga-ribu', LOG_LEVEL: 'loud', SESSION_TTL_HOURS: '0' })
    expect(problems).toHaveLength(3)
    expect(problems.some((p) => p.startsWith('PORT="tiga-ribu"'))).toBe(true)
    expect(problems.some((p) => p.startsWith('LOG_LEVEL="loud"'))).toBe(true)
    expect(problems.some((p) => p.startsWith('SESSION_TTL_HOURS="0"'))).toBe(true)
  })

  it('believes X-Forwarded-For only from named proxies, never from every hop', () => {
    expect(loadConfig({}).trustProxy).toBe(false)
    // `true` is a proxy on this host: a client elsewhere cannot write its own IP.
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe('127.0.0.1,::1')
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.10' }).trustProxy).toBe('10.0.0.0/8,192.168.1.10')
    expect(problemsOf({ TRUST_PROXY: 'semua' })[0]).toMatch(/^TRUST_PROXY="semua" is not valid/)
  })

  it('refuses a DATABASE_URL that is not PostgreSQL', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://localhost/sinergi' })[0]).toContain('DATABASE_URL')
  })

  it('refuses production without a session secret, and with demo users', () => {
    const problems = problemsOf({ NODE_ENV: 'production', SEED_DEMO: 'true' })
    expect(problems.some((p) => p.includes('SESSION_SECRET is required'))).toBe(true)
    expect(problems.some((p) => p.includes('SEED_DEMO=true is refused'))).toBe(true)
  })

  it('refuses production without a PIN pepper, and a pepper shorter than 32 characters', () => {
    const secret = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }
    expect(problemsOf(secret)).toEqual([expect.stringContaining('PIN_PEPPER is required')])
    expect(problemsOf({ ...secret, PIN_PEPPER: 'garam' })[0]).toMatch(/^PIN_PEPPER=.* is not valid/)
    expect(loadConfig({ ...secret, PIN_PEPPER: 'p'.repeat(32) }).pinPepper).toBe('p'.repeat(32))
  })

  it('pauses PIN sign-in after 60 wrong PINs a city by default, and takes a whole number only', () => {
    expect(loadConfig({}).pinFailuresPerCity).toBe(60)
    expect(loadConfig({ PIN_FAILURES_PER_CITY: '200' }).pinFailuresPerCity).toBe(200)
    expect(problemsOf({ PIN_FAILURES_PER_CITY: '0' })[0]).toMatch(/^PIN_FAILURES_PER_CITY="0" is not valid/)
    expect(problemsOf({ PIN_FAILURES_PER_CITY: 'banyak' })).toHaveLength(1)
  })

  it('runs one process unless told, and several only on PostgreSQL', () => {
    expect(loadConfig({}).workers).toBe(1)
    expect(loadConfig({ WORKERS: '2', DATABASE_URL: 'postgres://db/sinergi' }).workers).toBe(2)
    expect(problemsOf({ WORKERS: '2' })).toEqual([
      expect.stringContaining('WORKERS above 1 needs DATABASE_URL'),
    ])
    expect(problemsOf({ WORKERS: '0', DATABASE_URL: 'postgres://db/sinergi' })[0]).toMatch(/^WORKERS="0"/)
  })

  it('refuses a session secret shorter than 32 characters', () => {
    expect(problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 'short' })[0]).toContain('SESSION_SECRET')
  })

  it('starts in production with a secret, and seeds no demo by default', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      PIN_PEPPER: 'p'.repeat(40),
    })
    expect(config.isProduction).toBe(true)
    expect(config.seedDemo).toBe(false)
    expect(config.host).toBe('0.0.0.0')
  })
})
