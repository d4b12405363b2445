import { Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { type Me, useActiveCities } from '../api/hooks.ts'

/** Cities where the person holds a role; platform admins may enter any active city. */
function citiesOf(me: Me, activeCities: { slug: string; name: string }[]) {
  const bySlug = new Map<string, string>()
  for (const grant of me.roles) bySlug.set(grant.city.slug, grant.city.name)
  if (me.user.isPlatformAdmin) for (const city of activeCities) bySlug.set(city.slug, city.name)
  return [...bySlug].map(([value, label]) => ({ value, label }))
}

export function CitySwitcher({ me, current }: { me: Me; current: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const active = useActiveCities()
  const options = citiesOf(me, me.user.isPlatformAdmin ? (active.data?.items ?? []) : [])
  if (options.length < 2) return null
  return (
    <Select
      label={t('workspace.switchCity')}
      data={options}
      value={current}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      onChange={(slug) => {
        if (slug && slug !== current) void navigate(`/c/${slug}`)
      }}
    />
  )
}

export function homePathOf(me: Me): string {
  const first = me.roles[0]
  return first ? `/c/${first.city.slug}` : '/'
}
