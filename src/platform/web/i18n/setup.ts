import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { DEFAULT_LANGUAGE, isLanguage, type Language, loadLanguage } from './resources.ts'

const STORAGE_KEY = 'sinergi.language'

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY)
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE
  } catch {
    return DEFAULT_LANGUAGE
  }
}

/** Loads a language's catalogs once, when it is first shown. */
async function ensureLanguage(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return
  const namespaces = await loadLanguage(language)
  for (const [namespace, catalog] of Object.entries(namespaces)) {
    i18next.addResourceBundle(language, namespace, catalog, true, true)
  }
}

export async function setupI18n(): Promise<typeof i18next> {
  const language = storedLanguage()
  await i18next.use(initReactI18next).init({
    resources: { [language]: await loadLanguage(language) },
    partialBundledLanguages: true,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['id', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  document.documentElement.lang = i18next.language
  // The fallback language follows in the background, for a text one translation might lack.
  if (language !== DEFAULT_LANGUAGE) void ensureLanguage(DEFAULT_LANGUAGE)
  return i18next
}

/** Switches the UI language; signed-in users also save it on the server (see profile). */
export async function applyLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this visit only.
  }
  document.documentElement.lang = language
  await ensureLanguage(language)
  if (i18next.language !== language) await i18next.changeLanguage(language)
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE
}
