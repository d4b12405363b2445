import errorsEn from '../../locales/errors.en.json' with { type: 'json' }
import errorsId from '../../locales/errors.id.json' with { type: 'json' }
import { MODULE_WEBS } from '../modules.ts'
import en from './en.json' with { type: 'json' }
import id from './id.json' with { type: 'json' }

export const LANGUAGES = ['id', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'id'

/** i18n namespace of problem codes: the server's own catalogs, merged from the platform and modules. */
export const ERRORS_NS = 'problems'

type Namespaces = Record<string, Record<string, unknown>>

/** Every string the web app shows, per language: platform, each module's namespace, problem codes. */
export function buildResources(): Record<Language, Namespaces> {
  const resources: Record<Language, Namespaces> = {
    id: { translation: id, [ERRORS_NS]: { ...errorsId } },
    en: { translation: en, [ERRORS_NS]: { ...errorsEn } },
  }
  for (const module of MODULE_WEBS) {
    for (const language of LANGUAGES) {
      resources[language][module.name] = module.messages[language]
      Object.assign(resources[language][ERRORS_NS]!, module.errors[language])
    }
  }
  return resources
}

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value)
}
