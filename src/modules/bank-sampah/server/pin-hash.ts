import { hash, verify } from '@node-rs/argon2'
import { ARGON2_OPTIONS } from '../../../platform/server/auth/password.ts'

/*
 * A PIN has six digits: a million candidates. Whoever holds a copy of the database (a leaked
 * backup) could try them all against an argon2 hash in hours, however slow the hash. So every PIN
 * hash also takes a secret that never enters the database (PIN_PEPPER, argon2's own "secret"
 * input): without it, the stored hashes cannot be tested at all.
 *
 * A hash made this way is marked `peppered:`; a PIN set before the pepper existed still signs in
 * and is hashed again with it on that sign-in. Losing the pepper makes every PIN wrong: the
 * tellers then set new ones (the savings are untouched).
 */
const PEPPERED = 'peppered:'

function optionsWith(pepper: string) {
  return { ...ARGON2_OPTIONS, secret: Buffer.from(pepper, 'utf8') }
}

export async function hashPin(pin: string, pepper: string): Promise<string> {
  return PEPPERED + (await hash(pin, optionsWith(pepper)))
}

/** Whether the PIN is right, and whether its hash predates the pepper (to hash it again). */
export async function checkPin(
  stored: string,
  pin: string,
  pepper: string,
): Promise<{ isRight: boolean; isUnpeppered: boolean }> {
  const isUnpeppered = !stored.startsWith(PEPPERED)
  try {
    const isRight = isUnpeppered
      ? await verify(stored, pin)
      : await verify(stored.slice(PEPPERED.length), pin, optionsWith(pepper))
    return { isRight, isUnpeppered }
  } catch {
    return { isRight: false, isUnpeppered }
  }
}

/** Checked against when the member or their PIN does not exist, so every answer takes as long. */
const dummies = new Map<string, Promise<string>>()
export function dummyPinHash(pepper: string): Promise<string> {
  let dummy = dummies.get(pepper)
  if (!dummy) {
    dummy = hashPin('sinergi-timing-equaliser', pepper)
    dummies.set(pepper, dummy)
  }
  return dummy
}
