import { describe, expect, it } from 'vitest'
import errorsEn from '../locales/errors.en.json' with { type: 'json' }
import errorsId from '../locales/errors.id.json' with { type: 'json' }
import { knownErrorCodes } from './errors.ts'
import { pickLocale, translate } from './i18n.ts'

describe('server messages', () => {
  it('has every error code in both languages', () => {
    for (const code of knownErrorCodes()) {
      expect(errorsId, code).toHaveProperty([code])
      expect(errorsEn, code).toHaveProperty([code])
    }
    expect(Object.keys(errorsId).sort()).toEqual(Object.keys(errorsEn).sort())
  })

  it('answers in Indonesian unless English is preferred', () => {
    expect(pickLocale(undefined)).toBe('id')
    expect(pickLocale('en-US,en;q=0.9')).toBe('en')
    expect(pickLocale('fr-FR,fr;q=0.9')).toBe('id')
    expect(pickLocale('fr;q=1, en;q=0.5, id;q=0.8')).toBe('id')
    expect(pickLocale('en;q=0')).toBe('id')
  })

  it('fills in parameters', () => {
    expect(translate('id', 'city.inactive', { name: 'Kota Palopo' })).toContain(
      'Kota Palopo belum diaktifkan',
    )
  })
})
