import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export function newSecretToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** API tokens are recognisable in logs and secret scanners by their prefix. */
export const API_TOKEN_PREFIX = 'sng_'
