/**
 * The words of the audit log. Each catalog (the platform's and every module's) holds its own under
 * `audit.actions.<code>` (i18next nests on the dots of the code) and `audit.entityTypes.<type>`,
 * with `audit.group` naming the catalog's kinds of record in the filter.
 */
export type AuditCodeKind = 'actions' | 'entityTypes'

export function auditLabelKey(kind: AuditCodeKind, code: string): string {
  return `audit.${kind}.${code}`
}

/**
 * The words for an audit code, or the code itself when no catalog has them (an action the server
 * records before anyone labelled it): never an empty cell, a key path or a nested object.
 */
export function auditLabel(translate: (key: string) => unknown, kind: AuditCodeKind, code: string): string {
  const key = auditLabelKey(kind, code)
  const label = translate(key)
  return typeof label === 'string' && label.trim() !== '' && label !== key ? label : code
}

export interface EntityTypeOption {
  value: string
  label: string
}

export interface EntityTypeGroup {
  group: string
  items: EntityTypeOption[]
}

/**
 * The filter's kinds of record: groups and their items sorted by label as the reader's language
 * sorts them; a type two catalogs both label is offered once (a select needs unique values).
 */
export function sortEntityTypeGroups(groups: EntityTypeGroup[], locale: string): EntityTypeGroup[] {
  const byLabel = (a: { label: string }, b: { label: string }) =>
    a.label.localeCompare(b.label, locale, { sensitivity: 'base' })
  const seen = new Set<string>()
  return groups
    .map(({ group, items }) => ({ label: group, group, items }))
    .sort(byLabel)
    .map(({ group, items }) => ({
      group,
      items: items.filter((item) => !seen.has(item.value) && seen.add(item.value)).sort(byLabel),
    }))
    .filter((group) => group.items.length > 0)
}
