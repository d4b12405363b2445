import { describe, expect, it } from 'vitest'
import { buildAccessRegistry } from '../src/platform/server/access/access.registry.ts'
import { allManifests } from '../src/platform/server/app.ts'

describe('module manifests', () => {
  const manifests = allManifests()

  it('declare roles, permissions and scopes that fit together', () => {
    expect(() => buildAccessRegistry(manifests)).not.toThrow()
  })

  it('translate every error code and field rule they raise into both languages', () => {
    for (const manifest of manifests.filter((m) => m.messages)) {
      const { id, en } = manifest.messages!
      expect(Object.keys(id).sort(), manifest.name).toEqual(Object.keys(en).sort())
      for (const code of Object.keys(manifest.errorCodes ?? {})) {
        expect(id, `${manifest.name}: ${code}`).toHaveProperty([code])
      }
      for (const [key, text] of [...Object.entries(id), ...Object.entries(en)])
        expect(text.trim(), key).not.toBe('')
    }
  })

  it('give every role a name and a description in Indonesian and English', () => {
    for (const role of buildAccessRegistry(manifests).roles.values()) {
      for (const text of [role.name.id, role.name.en, role.description.id, role.description.en]) {
        expect(text.length, role.code).toBeGreaterThan(3)
      }
    }
  })
})
