import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id minimum (19 MiB, 2 iterations, 1 lane): safe, and quick enough on 2 cores.
export const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const MIN_PASSWORD_LENGTH = 10

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** Verified against when the username does not exist, so both paths take the same time. */
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('sinergi-timing-equaliser')
  return dummyHash
}

export function isAcceptablePassword(options: { password: string; username: string }): boolean {
  const { password, username } = options
  return password.length >= MIN_PASSWORD_LENGTH && password.toLowerCase() !== username.toLowerCase()
}
