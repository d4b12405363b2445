import { daysBetween, type LicenceKind } from './licences.ts'

/**
 * Expiry reminders to owners. The platform sends nothing itself (no WhatsApp Business or SMS
 * gateway is contracted): staff open a WhatsApp chat with the message written for them, or call,
 * or send a letter, and record that they did. A reminder belongs to the expiry date it was about, so
 * a renewed licence starts with none.
 */
export const REMINDER_CHANNELS = ['whatsapp', 'phone', 'letter', 'in_person'] as const
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number]

/** How the owner reads the licence's kind: the message is in Indonesian whatever the staff's language. */
const KIND_NAMES: Record<LicenceKind, string> = {
  nib: 'NIB',
  pirt: 'SPP-IRT (P-IRT)',
  halal: 'sertifikat halal',
  bpom_md: 'izin edar BPOM MD',
  bpom_ml: 'izin edar BPOM ML',
  sni: 'sertifikat SNI',
  merek: 'pendaftaran merek',
}

/**
 * The number WhatsApp's click-to-chat needs: country code 62 and digits only. An Indonesian mobile
 * number is written 08…, +62 8… or 62 8…; anything else (a landline, a number too short or too
 * long to be a mobile) gives null, so no link is offered.
 */
export function whatsappNumber(phone: string | null): string | null {
  if (!phone) return null
  const digits = phone.replace(/[\s().-]/g, '')
  const national = /^\+?62/.test(digits) ? digits.replace(/^\+?62/, '') : digits.replace(/^0/, '')
  if (!/^8\d{8,11}$/.test(national)) return null
  return `62${national}`
}

// 20 Desember 2026: the owner reads Indonesian, whatever the staff's language.
const LONG_DATE = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const longDate = (iso: string) => LONG_DATE.format(new Date(`${iso}T00:00:00Z`))

/** The message to the owner, in Indonesian; it says whether the licence has already lapsed. */
export function reminderMessage(options: {
  ownerName: string
  businessName: string
  kind: LicenceKind
  number: string
  expiresOn: string
  today: string
  office: string
}): string {
  const kind = KIND_NAMES[options.kind]
  const lapsed = daysBetween(options.today, options.expiresOn) < 0
  const when = lapsed
    ? `telah berakhir pada ${longDate(options.expiresOn)}`
    : `akan berakhir pada ${longDate(options.expiresOn)}`
  return [
    `Yth. Bapak/Ibu ${options.ownerName},`,
    `${kind[0]!.toUpperCase()}${kind.slice(1)} nomor ${options.number} untuk usaha ${options.businessName} ${when}.`,
    lapsed
      ? 'Mohon segera diperpanjang agar produk tetap dapat dipasarkan.'
      : 'Mohon diperpanjang sebelum tanggal tersebut agar produk tetap dapat dipasarkan.',
    `Terima kasih. ${options.office}`,
  ].join('\n')
}

/** A click-to-chat link with the message ready; null when the phone is not a mobile number. */
export function whatsappLink(phone: string | null, message: string): string | null {
  const number = whatsappNumber(phone)
  return number ? `https://wa.me/${number}?text=${encodeURIComponent(message)}` : null
}
