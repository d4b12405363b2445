import { Alert, Button, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, Navigate } from 'react-router'
import { useMe, useWorkspace } from '../../../../platform/web/api/hooks.ts'
import { formatDate } from '../../../../platform/web/format.ts'
import { currentLanguage } from '../../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../../platform/web/layout/city-shell.tsx'
import { PageLoader, QueryState } from '../../../../platform/web/ui/query-state.tsx'
import { useFacility } from '../facilities.api.ts'
import { useRecordingFacilities } from './operator.api.ts'
import { TOUCH, useOperatorSite } from './operator-ui.tsx'

export const TASKS = ['intake', 'sorting', 'compost', 'sale', 'residue', 'fees', 'expenses', 'day'] as const

/** The facilities this person operates in this city, from their role grants. */
function useOwnFacilityIds(city: string): string[] | undefined {
  const me = useMe()
  if (!me.data) return undefined
  return me.data.roles
    .filter(
      (grant) =>
        (grant.city.slug === city || grant.city.code === city) &&
        grant.role === 'facility_operator' &&
        grant.scopeKind === 'facility' &&
        grant.scopeId,
    )
    .map((grant) => grant.scopeId as string)
}

function FacilityLinkButton({ city, facilityId }: { city: string; facilityId: string }) {
  const facility = useFacility(city, facilityId)
  return (
    <Button
      component={Link}
      to={`/c/${city}/waste/operator/${facilityId}`}
      size="lg"
      variant="default"
      fullWidth
      justify="flex-start"
      style={TOUCH}
    >
      {facility.data?.name ?? facilityId}
    </Button>
  )
}

/**
 * /c/:city/waste/operator: an operator of one facility goes straight to its task menu; someone
 * with several sites, or Dinas LH staff, first chooses the site.
 */
export function ChooseFacilityPage() {
  const { t } = useTranslation('waste')
  const city = useCityParam()
  const own = useOwnFacilityIds(city)
  const workspace = useWorkspace(city)
  const isDlh = workspace.data?.roles.includes('dlh_staff') ?? false
  const others = useRecordingFacilities(city, isDlh)
  if (!own || !workspace.data) return <PageLoader />
  if (own.length === 1 && !isDlh) return <Navigate to={`/c/${city}/waste/operator/${own[0]}`} replace />
  const ownSet = new Set(own)
  return (
    <Stack gap="md" maw={560}>
      <Title order={1}>{t('operator.chooseTitle')}</Title>
      <Text>{t('operator.chooseLead')}</Text>
      {own.length === 0 && !isDlh && <Alert color="yellow">{t('operator.noFacility')}</Alert>}
      <Stack gap="xs">
        {own.map((facilityId) => (
          <FacilityLinkButton key={facilityId} city={city} facilityId={facilityId} />
        ))}
      </Stack>
      {isDlh && (
        <QueryState query={others}>
          {(data) => (
            <Stack gap="xs">
              <Title order={2} size="h3">
                {t('operator.allTps3r')}
              </Title>
              {data.items
                .filter((item) => !ownSet.has(item.id))
                .map((item) => (
                  <Button
                    key={item.id}
                    component={Link}
                    to={`/c/${city}/waste/operator/${item.id}`}
                    size="lg"
                    variant="default"
                    fullWidth
                    justify="flex-start"
                    style={TOUCH}
                  >
                    {item.name}
                  </Button>
                ))}
            </Stack>
          )}
        </QueryState>
      )}
    </Stack>
  )
}

/** /c/:city/waste/operator/:facilityId: one big button per daily task. */
export default function OperatorHomePage() {
  const { t } = useTranslation('waste')
  const { city, facility, today, home } = useOperatorSite()
  const own = useOwnFacilityIds(city)
  const workspace = useWorkspace(city)
  const canChoose = (own?.length ?? 0) > 1 || (workspace.data?.roles.includes('dlh_staff') ?? false)
  return (
    <QueryState query={facility}>
      {(site) => (
        <Stack gap="md" maw={640}>
          <div>
            <Title order={1}>{site.name}</Title>
            <Text c="gray.8">{t('operator.homeLead', { date: formatDate(today, currentLanguage()) })}</Text>
          </div>
          <nav aria-label={t('operator.tasksNav')}>
            <SimpleGrid
              cols={{ base: 1, xs: 2 }}
              spacing="sm"
              component="ul"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
            >
              {TASKS.map((task) => (
                <li key={task}>
                  <Button
                    component={Link}
                    to={`${home}/${task}`}
                    size="xl"
                    fullWidth
                    variant={task === 'day' ? 'outline' : 'filled'}
                    justify="flex-start"
                    style={{ minHeight: 64 }}
                  >
                    {t(`operator.tasks.${task}`)}
                  </Button>
                </li>
              ))}
            </SimpleGrid>
          </nav>
          {canChoose && (
            <Button component={Link} to={`/c/${city}/waste/operator`} variant="subtle" style={TOUCH}>
              {t('operator.chooseOther')}
            </Button>
          )}
        </Stack>
      )}
    </QueryState>
  )
}
