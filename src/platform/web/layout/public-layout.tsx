import { Anchor, Box, Button, Container, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, Outlet } from 'react-router'
import { useMe } from '../api/hooks.ts'
import { LanguageSwitch } from '../ui/language-switch.tsx'
import { OfflineNotice, SkipLink } from './page-chrome.tsx'
import { UserMenu } from './user-menu.tsx'

/** Landing, login and profile: a plain header, no city navigation. */
export function PublicLayout() {
  const { t } = useTranslation()
  const me = useMe()
  return (
    <>
      <SkipLink />
      <Box component="header" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <Anchor component={Link} to="/" fw={700} size="xl" c="teal.9" underline="never">
              {t('app.name')}
            </Anchor>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch />
              {me.data ? (
                <UserMenu me={me.data} />
              ) : (
                <Button component={Link} to="/login" size="xs" color="teal.9">
                  {t('landing.signIn')}
                </Button>
              )}
            </Group>
          </Group>
        </Container>
      </Box>
      <OfflineNotice />
      <Container size="lg" py="lg" component="main" id="main" tabIndex={-1}>
        <Outlet />
      </Container>
      <Container size="lg" component="footer" py="lg">
        <Text size="sm" c="gray.7">
          {t('landing.openSource')}
        </Text>
      </Container>
    </>
  )
}
