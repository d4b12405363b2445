import { describe, expect, it } from 'vitest'
import { reminderMessage, whatsappLink, whatsappNumber } from './reminders.ts'

describe('whatsappNumber', () => {
  it('writes every usual form of an Indonesian mobile number as 62…', () => {
    expect(whatsappNumber('0812-3456-7890')).toBe('6281234567890')
    expect(whatsappNumber('+62 812 3456 7890')).toBe('6281234567890')
    expect(whatsappNumber('6281234567890')).toBe('6281234567890')
    expect(whatsappNumber('(0812) 345.678')).toBe('62812345678')
  })

  it('offers no chat for a landline, a number of the wrong length, or none', () => {
    expect(whatsappNumber('0341-512345')).toBeNull()
    expect(whatsappNumber('0812345')).toBeNull()
    expect(whatsappNumber('08123456789012')).toBeNull()
    expect(whatsappNumber('')).toBeNull()
    expect(whatsappNumber(null)).toBeNull()
  })
})

describe('reminderMessage', () => {
  const base = {
    ownerName: 'Siti Wahyuni',
    businessName: 'Keripik Apel Bu Siti',
    kind: 'pirt' as const,
    number: '2063579010123-27',
    office: 'Dinas Koperasi dan UMKM Kota Batu',
  }

  it('names the licence, the business and the day it lapses, in Indonesian', () => {
    const message = reminderMessage({ ...base, expiresOn: '2026-12-31', today: '2026-11-28' })
    expect(message).toContain('Yth. Bapak/Ibu Siti Wahyuni,')
    expect(message).toContain(
      'SPP-IRT (P-IRT) nomor 2063579010123-27 untuk usaha Keripik Apel Bu Siti akan berakhir pada 31 Desember 2026.',
    )
    expect(message).toContain('Dinas Koperasi dan UMKM Kota Batu')
  })

  it('says the licence has lapsed from the day after its expiry date, not on it', () => {
    const onTheDay = reminderMessage({ ...base, expiresOn: '2026-11-28', today: '2026-11-28' })
    expect(onTheDay).toContain('akan berakhir pada 28 November 2026')
    const dayAfter = reminderMessage({ ...base, expiresOn: '2026-11-28', today: '2026-11-29' })
    expect(dayAfter).toContain('telah berakhir pada 28 November 2026')
    expect(dayAfter).toContain('Mohon segera diperpanjang')
  })

  it('puts the message into a click-to-chat link only for a mobile number', () => {
    const link = whatsappLink('0812-3456-7890', 'Yth. Ibu,\nuji & coba')
    expect(link).toBe('https://wa.me/6281234567890?text=Yth.%20Ibu%2C%0Auji%20%26%20coba')
    expect(whatsappLink('0341-512345', 'x')).toBeNull()
  })
})
