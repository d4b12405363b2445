import { describe, expect, it } from 'vitest'
import { buildResources, LANGUAGES } from './resources.ts'

function flatKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) => flatKeys(child, prefix ? `${prefix}.${key}` : key))
}

function placeholders(text: unknown): string[] {
  return [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!).sort()
}

const resources = await buildResources()

describe('web translations', () => {
  const namespaces = Object.keys(resources.id)

  it('have the same namespaces in every language', () => {
    for (const language of LANGUAGES)
      expect(Object.keys(resources[language]).sort()).toEqual(namespaces.sort())
  })

  for (const namespace of namespaces) {
    it(`namespace "${namespace}" has every key in Indonesian and English`, () => {
      const idKeys = flatKeys(resources.id[namespace]).sort()
      const enKeys = flatKeys(resources.en[namespace]).sort()
      expect(idKeys.filter((key) => !enKeys.includes(key))).toEqual([])
      expect(enKeys.filter((key) => !idKeys.includes(key))).toEqual([])
    })

    it(`namespace "${namespace}" has no empty text and the same placeholders in both languages`, () => {
      const lookup = (language: 'id' | 'en', key: string) =>
        key
          .split('.')
          .reduce<unknown>(
            (node, part) => (node as Record<string, unknown>)?.[part],
            resources[language][namespace],
          )
      // Problem codes contain dots themselves, so read them flat.
      const flat = namespace === 'problems'
      for (const key of flat ? Object.keys(resources.id[namespace]!) : flatKeys(resources.id[namespace])) {
        const idText = flat ? resources.id[namespace]![key] : lookup('id', key)
        const enText = flat ? resources.en[namespace]![key] : lookup('en', key)
        expect(String(idText).trim(), `${namespace}:${key} (id)`).not.toBe('')
        expect(String(enText).trim(), `${namespace}:${key} (en)`).not.toBe('')
        expect(placeholders(enText), `${namespace}:${key}`).toEqual(placeholders(idText))
      }
    })
  }

  it('label the navigation the server sends for the platform', () => {
    for (const key of ['nav.users', 'nav.audit', 'nav.regions']) {
      expect(flatKeys(resources.id.translation)).toContain(key)
    }
    expect(flatKeys(resources.id.agencies)).toContain('nav.agencies')
  })
})
