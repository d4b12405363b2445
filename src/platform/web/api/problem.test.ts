import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildResources } from '../i18n/resources.ts'
import { ApiError, fieldErrorsOf, fieldNameOf, problemMessage, toApiError } from './problem.ts'

const i18n = i18next.createInstance()
beforeAll(async () => {
  await i18n.init({ resources: await buildResources(), lng: 'id', fallbackLng: 'id' })
})

describe('problemMessage', () => {
  it('translates a problem code from the shared catalog in the UI language', async () => {
    const error = toApiError(401, { code: 'auth.invalid_credentials', detail: 'whatever the server said' })
    expect(problemMessage(i18n, error)).toBe('Nama pengguna atau kata sandi salah.')
    await i18n.changeLanguage('en')
    expect(problemMessage(i18n, error)).toBe('Wrong username or password.')
    await i18n.changeLanguage('id')
  })

  it('translates module error codes too', () => {
    expect(problemMessage(i18n, toApiError(404, { code: 'agency.not_found' }))).toBe(
      'Perangkat daerah tidak ditemukan.',
    )
  })

  it("keeps the server's detail when the message needs values only the server knows", () => {
    const error = toApiError(409, {
      code: 'user.username_taken',
      detail: 'Nama pengguna "budi" sudah dipakai.',
    })
    expect(problemMessage(i18n, error)).toBe('Nama pengguna "budi" sudah dipakai.')
  })

  it('says the connection is lost when there was no answer', () => {
    expect(problemMessage(i18n, new ApiError({ status: 0, code: 'network' }))).toMatch(/koneksi internet/)
  })

  it('treats a 500 without a problem body as an internal error', () => {
    expect(toApiError(502, 'Bad Gateway').code).toBe('internal')
  })
})

describe('field problems', () => {
  it('maps JSON pointers to form field names', () => {
    expect(fieldNameOf('/body/username')).toBe('username')
    expect(fieldNameOf('/query/from')).toBe('from')
    expect(fieldNameOf('/body')).toBe('')
  })

  it('keeps the first message per field', () => {
    const error = toApiError(400, {
      code: 'validation.failed',
      errors: [
        { field: '/body/username', code: 'validation.required', message: 'Wajib diisi.' },
        { field: '/body/username', code: 'validation.pattern', message: 'Format tidak sesuai.' },
        { field: '/body/password', code: 'validation.minLength', message: 'Minimal 10 karakter.' },
      ],
    })
    expect(fieldErrorsOf(error)).toEqual({ username: 'Wajib diisi.', password: 'Minimal 10 karakter.' })
  })

  it('knows an expired session from a refused permission', () => {
    expect(toApiError(401, { code: 'auth.session_expired' }).isSessionLost).toBe(true)
    expect(toApiError(401, { code: 'auth.required' }).isSessionLost).toBe(true)
    expect(toApiError(401, { code: 'auth.invalid_credentials' }).isSessionLost).toBe(false)
    expect(toApiError(403, { code: 'auth.forbidden' }).isSessionLost).toBe(false)
  })
})
