import { MODULE_WEBS } from '../modules.ts'

export const LANGUAGES = ['id', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'id'

/** i18n namespace of problem codes: the server's own catalogs, merged from the platform and modules. */
export const ERRORS_NS = 'problems'

type Namespaces = Record<string, Record<string, unknown>>

// One chunk per catalog and language, so a first visit downloads the language it shows, not both.
const PLATFORM = {
  id: () => import('./id.json'),
  en: () => import('./en.json'),
}
const PLATFORM_ERRORS = {
  id: () => import('../../locales/errors.id.json'),
  en: () => import('../../locales/errors.en.json'),
}

/** Every string of one language: platform, each module's namespace, problem codes. */
export async function loadLanguage(language: Language): Promise<Namespaces> {
  const [platform, errors, modules] = await Promise.all([
    PLATFORM[language](),
    PLATFORM_ERRORS[language](),
    Promise.all(
      MODULE_WEBS.map(async (module) => ({
        name: module.name,
        messages: (await module.messages[language]()).default,
        errors: (await module.errors[language]()).default,
      })),
    ),
  ])
  const namespaces: Namespaces = { translation: platform.default, [ERRORS_NS]: { ...errors.default } }
  for (const module of modules) {
    namespaces[module.name] = module.messages
    Object.assign(namespaces[ERRORS_NS]!, module.errors)
  }
  return namespaces
}

/** Both languages at once (tests compare them). */
export async function buildResources(): Promise<Record<Language, Namespaces>> {
  const [id, en] = await Promise.all([loadLanguage('id'), loadLanguage('en')])
  return { id, en }
}

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value)
}
