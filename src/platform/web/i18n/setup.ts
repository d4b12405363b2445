import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { buildResources, DEFAULT_LANGUAGE, isLanguage, type Language } from './resources.ts'

const STORAGE_KEY = 'sinergi.language'

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY)
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE
  } catch {
    return DEFAULT_LANGUAGE
  }
}

export async function setupI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: buildResources(),
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['id', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  document.documentElement.lang = i18next.language
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
  if (i18next.language !== language) await i18next.changeLanguage(language)
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE
}
