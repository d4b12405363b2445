import { AppShell, Burger, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { Suspense, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation, useParams } from 'react-router'
import { type Me, useMe, useWorkspace } from '../api/hooks.ts'
import { LanguageSwitch } from '../ui/language-switch.tsx'
import { PageLoader, QueryState } from '../ui/query-state.tsx'
import { CitySwitcher } from './city-switcher.tsx'
import { OfflineNotice, SkipLink } from './page-chrome.tsx'
import { UserMenu } from './user-menu.tsx'

export function useCityParam(): string {
  return useParams().city ?? ''
}

function CityNav({ city, onNavigate }: { city: string; onNavigate: () => void }) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const workspace = useWorkspace(city)
  const base = `/c/${city}`
  const items = [
    { path: '', label: t('nav.home') },
    ...(workspace.data?.nav ?? []).map((item) => ({
      path: item.path,
      label: t(item.labelKey, { ns: [item.module, 'translation'] }),
    })),
  ]
  return (
    <nav aria-label={t('app.mainNav')}>
      {items.map((item) => {
        const to = item.path ? `${base}/${item.path}` : base
        const isActive = item.path ? pathname.startsWith(to) : pathname === base || pathname === `${base}/`
        return (
          <NavLink
            key={to}
            component={Link}
            to={to}
            label={item.label}
            active={isActive}
            aria-current={isActive ? 'page' : undefined}
            onClick={onNavigate}
            color="teal.9"
            variant="filled"
          />
        )
      })}
    </nav>
  )
}

function ShellFrame({ me, city }: { me: Me; city: string }) {
  const { t } = useTranslation()
  const [opened, { toggle, close }] = useDisclosure()
  const workspace = useWorkspace(city)
  const { pathname } = useLocation()
  useEffect(() => {
    if (pathname) close()
  }, [pathname, close])

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('workspace.toggleNav')}
              aria-expanded={opened}
            />
            <Text component={Link} to="/" fw={700} c="teal.9" td="none">
              {t('app.name')}
            </Text>
            <Text truncate="end" size="sm" c="gray.8">
              {workspace.data?.city.name ?? ''}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <ScrollArea>
          <Stack gap="md">
            <CitySwitcher me={me} current={city} />
            <CityNav city={city} onNavigate={close} />
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <OfflineNotice />
        <QueryState query={workspace}>
          {() => (
            <Suspense fallback={<PageLoader />}>
              <Outlet />
            </Suspense>
          )}
        </QueryState>
      </AppShell.Main>
    </AppShell>
  )
}

/** The city workspace: navigation from the server's workspace endpoint, pages as lazy chunks. */
export default function CityShell() {
  const me = useMe()
  const city = useCityParam()
  // RequireAuth above guarantees a signed-in person.
  return me.data ? <ShellFrame me={me.data} city={city} /> : <PageLoader />
}
