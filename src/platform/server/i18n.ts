import errorsEn from '../locales/errors.en.json' with { type: 'json' }
import errorsId from '../locales/errors.id.json' with { type: 'json' }

export const LOCALES = ['id', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'id'

export type Messages = Record<string, string>
export type MessageCatalog = Record<Locale, Messages>

const catalog: MessageCatalog = { id: { ...errorsId }, en: { ...errorsEn } }

/** Modules add their own error messages (from their locales/ folder) through their manifest. */
export function addMessages(messages: MessageCatalog): void {
  for (const locale of LOCALES) Object.assign(catalog[locale], messages[locale])
}

export function hasMessage(locale: Locale, key: string): boolean {
  return key in catalog[locale]
}

export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = catalog[locale][key] ?? catalog[DEFAULT_LOCALE][key] ?? key
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`))
}

/** Indonesian unless the client clearly prefers English (RFC 9110 quality values honoured). */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { language: tag.split('-')[0] ?? '', quality: q ? Number(q.slice(2)) : 1 }
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality)
  for (const entry of ranked) {
    if ((LOCALES as readonly string[]).includes(entry.language)) return entry.language as Locale
  }
  return DEFAULT_LOCALE
}
