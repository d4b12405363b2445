import { Anchor, List, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useRoles, useWorkspace } from '../api/hooks.ts'
import { currentLanguage } from '../i18n/setup.ts'
import { useCityParam } from '../layout/city-shell.tsx'

export default function WorkspaceHomePage() {
  const { t } = useTranslation()
  const city = useCityParam()
  const workspace = useWorkspace(city)
  const roles = useRoles(city)
  const data = workspace.data
  if (!data) return null
  const language = currentLanguage()
  const roleNames = data.roles.map(
    (code) => roles.data?.find((role) => role.code === code)?.name[language] ?? code,
  )
  return (
    <Stack gap="md">
      <Title order={1}>{t('workspace.welcome', { city: data.city.name })}</Title>
      <Text>
        {t('workspace.cityFacts', {
          kind: t(`kind.${data.city.kind}`),
          province: data.city.province.name,
          timezone: data.city.timezoneAbbreviation,
        })}
      </Text>
      <Text>{t('workspace.yourRoles', { roles: roleNames.join(', ') })}</Text>
      <List>
        {data.nav.map((item) => (
          <List.Item key={item.path}>
            <Anchor component={Link} to={`/c/${city}/${item.path}`}>
              {t(item.labelKey, { ns: [item.module, 'translation'] })}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Stack>
  )
}
