import { Anchor, Button, Group, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { formatDate, formatNumber } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { RecordHeading, recordLabels } from '../../../platform/web/ui/record-heading.tsx'
import { SummaryList } from '../../../platform/web/ui/summary-list.tsx'
import { type Facility, useFacility } from './facilities.api.ts'
import { StatusBadge, useCanEditFacilities, useTonnesPerDay } from './facility-labels.tsx'
import { FacilitySpreadsheets } from './facility-spreadsheets.tsx'

/** What the form tells the page it came back to: shown once as a confirmation. */
export interface SavedState {
  saved?: 'created' | 'updated'
}

function FacilityDetails({ facility }: { facility: Facility }) {
  const { t } = useTranslation('waste')
  const city = useCityParam()
  const language = currentLanguage()
  const tonnes = useTonnesPerDay()
  const missing = (
    <Text span c="gray.7">
      {t('notRecorded')}
    </Text>
  )
  const orMissing = (value: ReactNode) => (value === null || value === '' ? missing : value)
  const villageName = facility.village
    ? `${t(`kind.${facility.village.kind}`, { ns: 'translation', defaultValue: '' })} ${facility.village.name}`.trim()
    : null
  const rows = [
    { label: t('detail.kind'), value: t(`kinds.${facility.kind}`) },
    { label: t('detail.status'), value: <StatusBadge status={facility.status} /> },
    ...(facility.kind === 'tpa'
      ? [
          {
            label: t('detail.landfillSystem'),
            value: orMissing(
              facility.landfillSystem ? t(`landfillSystems.${facility.landfillSystem}`) : null,
            ),
          },
        ]
      : []),
    ...(facility.kind === 'bank_sampah_unit'
      ? [
          {
            label: t('detail.parent'),
            value: facility.parent ? (
              <Anchor component={Link} to={`/c/${city}/waste/facilities/${facility.parent.id}`}>
                {facility.parent.name}
              </Anchor>
            ) : (
              missing
            ),
          },
        ]
      : []),
    { label: t('detail.village'), value: orMissing(villageName) },
    { label: t('detail.district'), value: orMissing(facility.village?.districtName ?? null) },
    { label: t('detail.address'), value: orMissing(facility.address) },
    {
      label: t('detail.coordinates'),
      value: orMissing(
        facility.latitude !== null && facility.longitude !== null
          ? `${formatNumber(facility.latitude, language, 6)}, ${formatNumber(facility.longitude, language, 6)}`
          : null,
      ),
    },
    { label: t('detail.capacity'), value: orMissing(tonnes(facility.designCapacityKgPerDay)) },
    {
      label: t('detail.households'),
      value: orMissing(
        facility.householdsServed === null ? null : formatNumber(facility.householdsServed, language),
      ),
    },
    { label: t('detail.operator'), value: orMissing(facility.operatorName) },
    { label: t('detail.decree'), value: orMissing(facility.decreeNumber) },
    {
      label: t('detail.openedOn'),
      value: orMissing(facility.openedOn ? formatDate(facility.openedOn, language) : null),
    },
  ]
  return <SummaryList rows={rows} />
}

/** One facility, every field, with a way to change it for Dinas LH staff. */
export default function FacilityPage() {
  const { t } = useTranslation('waste')
  const city = useCityParam()
  const facilityId = useParams().facilityId ?? ''
  const facility = useFacility(city, facilityId)
  const saved = (useLocation().state as SavedState | null)?.saved
  const canEdit = useCanEditFacilities(city)
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/c/${city}/waste/facilities`}>
        {t('detail.back')}
      </Anchor>
      <QueryState query={facility}>
        {(data) => (
          <Stack gap="md">
            <RecordHeading
              title={data.name}
              isSampleData={data.isSampleData}
              {...recordLabels(t, { saved, name: data.name })}
            />
            <Group>
              <Button
                component={Link}
                to={`/c/${city}/waste/facilities/${data.id}/dashboard`}
                variant="outline"
              >
                {t('detail.dashboard')}
              </Button>
            </Group>
            <FacilityDetails facility={data} />
            {canEdit && (
              <Group>
                <Button component={Link} to={`/c/${city}/waste/facilities/${data.id}/edit`}>
                  {t('detail.edit')}
                </Button>
              </Group>
            )}
            <FacilitySpreadsheets city={city} facilityId={data.id} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  )
}
