import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { buildResources, ERRORS_NS, LANGUAGES } from '../../i18n/resources.ts'
import { type AuditCodeKind, auditLabel, sortEntityTypeGroups } from './audit-labels.ts'

const SRC = fileURLToPath(new URL('../../../../', import.meta.url))

/**
 * Actions the server computes into a variable before recordAudit(), so the call shows no literal.
 * A ternary inside the call (`before ? 'x.updated' : 'x.created'`) is read from the call itself.
 */
const COMPUTED_ACTIONS: Record<string, string[]> = {
  // updateOutlet: changed, closed or reopened, depending on isActive before and after.
  'modules/umkm/server/centre.service.ts': [
    'umkm_outlet.updated',
    'umkm_outlet.reopened',
    'umkm_outlet.closed',
  ],
}

interface AuditCall {
  file: string
  actions: string[]
  entityTypes: string[]
}

/** The text of a call from its opening parenthesis to the one that closes it. */
function callText(source: string, open: number): string {
  let depth = 0
  for (let index = open; index < source.length; index++) {
    if (source[index] === '(') depth++
    else if (source[index] === ')' && --depth === 0) return source.slice(open, index + 1)
  }
  return source.slice(open)
}

function literalsOf(call: string, property: string): string[] {
  const line = call.match(new RegExp(`\\b${property}\\s*:([^\\n]*)`))?.[1] ?? ''
  return [...line.matchAll(/'([^']+)'/g)].map((match) => match[1]!)
}

/** Every recordAudit(...) call in the server source (tests left out). */
function auditCalls(): AuditCall[] {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => /(^|\/)server\/.*\.ts$/.test(file) && !file.endsWith('.test.ts'))
  return files.flatMap((file) => {
    const source = readFileSync(`${SRC}${file}`, 'utf8')
    return [...source.matchAll(/(?<!function )\brecordAudit\(/g)].map((match) => {
      const call = callText(source, match.index + 'recordAudit'.length)
      return { file, actions: literalsOf(call, 'action'), entityTypes: literalsOf(call, 'entityType') }
    })
  })
}

const calls = auditCalls()
const actions = new Set([...calls.flatMap((call) => call.actions), ...Object.values(COMPUTED_ACTIONS).flat()])
const entityTypes = new Set(calls.flatMap((call) => call.entityTypes))
const resources = await buildResources()

function hasLabel(language: (typeof LANGUAGES)[number], kind: AuditCodeKind, code: string): boolean {
  return Object.entries(resources[language]).some(([namespace, catalog]) => {
    if (namespace === ERRORS_NS) return false
    const label = ['audit', kind, ...code.split('.')].reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      catalog,
    )
    return typeof label === 'string' && label.trim() !== ''
  })
}

function unlabelled(kind: AuditCodeKind, codes: Set<string>): string[] {
  return [...codes]
    .sort()
    .flatMap((code) =>
      LANGUAGES.filter((language) => !hasLabel(language, kind, code)).map(
        (language) => `${code} (${language})`,
      ),
    )
}

describe('every code the server writes to the audit log has words', () => {
  it('reads the codes of every recordAudit call', () => {
    const unread = calls.filter((call) => call.actions.length === 0 && !COMPUTED_ACTIONS[call.file])
    expect(
      unread.map((call) => call.file),
      'list the computed action in COMPUTED_ACTIONS',
    ).toEqual([])
    expect(calls.filter((call) => call.entityTypes.length === 0).map((call) => call.file)).toEqual([])
    // Both branches of a ternary, the codes of platform and modules, and the shared codes.
    for (const code of ['indicator_value.created', 'indicator_value.updated', 'umkm_programme.reinstated'])
      expect(actions).toContain(code)
    for (const code of ['role.granted', 'bank_deposit.recorded', 'waste_flow.recorded', 'agency.created'])
      expect(actions).toContain(code)
    expect(actions.size).toBeGreaterThan(70)
    expect(entityTypes).toContain('bank_journal')
  })

  it('labels every action in Indonesian and English', () => {
    expect(unlabelled('actions', actions)).toEqual([])
  })

  it('labels every kind of record in Indonesian and English', () => {
    expect(unlabelled('entityTypes', entityTypes)).toEqual([])
  })
})

const namespaces = Object.keys(resources.id).filter((namespace) => namespace !== ERRORS_NS)
const i18n = i18next.createInstance()
await i18n.init({ resources, lng: 'en', fallbackLng: 'id', interpolation: { escapeValue: false } })

describe('auditLabel', () => {
  // As the page looks codes up: in every namespace, the code's ':' never naming one.
  const label = (kind: AuditCodeKind, code: string) =>
    auditLabel((key) => i18n.t(key, { ns: namespaces, returnObjects: true, nsSeparator: false }), kind, code)

  it("finds a code in the platform's catalog and in a module's", async () => {
    await i18n.changeLanguage('id')
    expect(label('actions', 'role.granted')).toBe('Peran diberikan')
    expect(label('actions', 'bank_deposit.recorded')).toBe('Setoran bank sampah dicatat')
    expect(label('entityTypes', 'bank_journal')).toBe('Transaksi bank sampah')
    await i18n.changeLanguage('en')
    expect(label('actions', 'role.granted')).toBe('Role granted')
    expect(label('entityTypes', 'umkm_business')).toBe('UMKM business')
  })

  it('shows a code no catalog labels as it is, never a key path', () => {
    expect(label('actions', 'tourism_visit.recorded')).toBe('tourism_visit.recorded')
    expect(label('entityTypes', 'tourism_visit')).toBe('tourism_visit')
    expect(label('actions', 'ns:odd.code')).toBe('ns:odd.code')
  })

  it('shows the code when it names a branch of the catalog rather than a label', () => {
    expect(label('actions', 'role')).toBe('role')
    expect(label('actions', 'role.granted.twice')).toBe('role.granted.twice')
  })

  it('shows the code for an empty or non-text label', () => {
    expect(auditLabel(() => '', 'actions', 'user.created')).toBe('user.created')
    expect(auditLabel(() => '  ', 'actions', 'user.created')).toBe('user.created')
    expect(auditLabel(() => undefined, 'entityTypes', 'user')).toBe('user')
    expect(auditLabel((key) => key, 'entityTypes', 'user')).toBe('user')
  })
})

describe('sortEntityTypeGroups', () => {
  it('sorts groups and their kinds of record by label, and offers a type once', () => {
    const sorted = sortEntityTypeGroups(
      [
        {
          group: 'UMKM',
          items: [
            { value: 'umkm_outlet', label: 'Gerai UMKM' },
            { value: 'umkm_business', label: 'Usaha UMKM' },
            { value: 'city', label: 'Kota' },
          ],
        },
        { group: 'Empty', items: [] },
        {
          group: 'bank sampah',
          items: [
            { value: 'nasabah', label: 'Nasabah' },
            { value: 'bank_journal', label: 'Transaksi' },
            { value: 'city', label: 'Kota (bank)' },
          ],
        },
      ],
      'id',
    )
    expect(sorted).toEqual([
      {
        group: 'bank sampah',
        items: [
          { value: 'city', label: 'Kota (bank)' },
          { value: 'nasabah', label: 'Nasabah' },
          { value: 'bank_journal', label: 'Transaksi' },
        ],
      },
      {
        group: 'UMKM',
        items: [
          { value: 'umkm_outlet', label: 'Gerai UMKM' },
          { value: 'umkm_business', label: 'Usaha UMKM' },
        ],
      },
    ])
  })
})
