import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core'
import { lazy, type ReactNode, Suspense, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { formatNumber } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { RecordHeading, recordLabels } from '../../../platform/web/ui/record-heading.tsx'
import { SummaryList } from '../../../platform/web/ui/summary-list.tsx'
import { BusinessClosure } from './business-closure.tsx'
import { useKbliTitle } from './business-form-fields.tsx'
import { BusinessLicences } from './business-licences.tsx'
import { BusinessScales } from './business-scales.tsx'
import { type Business, useBusiness } from './umkm.api.ts'
import { placeOf, type SavedState, useCanEditUmkm } from './umkm-labels.tsx'

/** "Juni 2015", "2015", or null when the start is not known. */
function startedOf(business: Business, language: string): string | null {
  if (business.startedYear === null) return null
  if (business.startedMonth === null) return String(business.startedYear)
  return new Date(Date.UTC(business.startedYear, business.startedMonth - 1, 1)).toLocaleDateString(
    language === 'en' ? 'en-GB' : 'id-ID',
    { month: 'long', year: 'numeric', timeZone: 'UTC' },
  )
}

function BusinessDetails({ business }: { business: Business }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const kbliTitle = useKbliTitle(business.kbli.code)
  const missing = (
    <Text span c="gray.7">
      {t('notRecorded')}
    </Text>
  )
  const orMissing = (value: ReactNode) => (value === null || value === '' ? missing : value)
  const w = business.workers
  const n = (value: number) => formatNumber(value, language)
  return (
    <SummaryList
      rows={[
        { label: t('detail.kbli'), value: `${business.kbli.code}${kbliTitle ? ` — ${kbliTitle}` : ''}` },
        { label: t('detail.nib'), value: orMissing(business.nib) },
        { label: t('detail.products'), value: orMissing(business.products) },
        { label: t('detail.started'), value: orMissing(startedOf(business, language)) },
        { label: t('detail.ownerName'), value: business.owner.name },
        { label: t('detail.ownerNik'), value: orMissing(business.owner.nik) },
        { label: t('detail.ownerPhone'), value: orMissing(business.owner.phone) },
        { label: t('detail.ownerVillage'), value: orMissing(business.owner.villageCode) },
        { label: t('detail.village'), value: orMissing(placeOf(business.village)) },
        { label: t('detail.address'), value: orMissing(business.address) },
        {
          label: t('detail.coordinates'),
          value: orMissing(
            business.latitude !== null && business.longitude !== null
              ? `${formatNumber(business.latitude, language, 6)}, ${formatNumber(business.longitude, language, 6)}`
              : null,
          ),
        },
        {
          label: t('detail.workersPaid'),
          value: t('detail.bySex', { male: n(w.paidMale), female: n(w.paidFemale) }),
        },
        {
          label: t('detail.workersUnpaid'),
          value: t('detail.bySex', { male: n(w.unpaidMale), female: n(w.unpaidFemale) }),
        },
        {
          label: t('detail.workersDisabled'),
          value: `${t('detail.bySex', { male: n(w.disabledMale), female: n(w.disabledFemale) })} ${t('detail.disabledNote')}`,
        },
      ]}
    />
  )
}

const LocationMap = lazy(() => import('../../../platform/web/ui/location-map.tsx'))

/** Where the business is, on a map, with a link to open it full size. */
function BusinessLocation({ business }: { business: Business }) {
  const { t } = useTranslation('umkm')
  const { latitude, longitude, name } = business
  const points = useMemo(
    () => (latitude !== null && longitude !== null ? [{ latitude, longitude, label: name }] : []),
    [latitude, longitude, name],
  )
  if (points.length === 0) return null
  return (
    <Stack gap="xs">
      <Suspense fallback={null}>
        <LocationMap points={points} label={t('detail.mapLabel', { name })} />
      </Suspense>
      <Anchor
        href={`https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`}
        target="_blank"
        rel="noreferrer"
        size="sm"
      >
        {t('detail.openMap')}
      </Anchor>
    </Stack>
  )
}

/** One business: identity, owner (masked unless the role needs it), licences, figures and scales. */
export default function BusinessPage() {
  const { t } = useTranslation('umkm')
  const city = useCityParam()
  const businessId = useParams().businessId ?? ''
  const business = useBusiness(city, businessId)
  const saved = (useLocation().state as SavedState | null)?.saved
  const canEdit = useCanEditUmkm(city)
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/c/${city}/umkm/businesses`}>
        {t('detail.back')}
      </Anchor>
      <QueryState query={business}>
        {(data) => (
          <Stack gap="lg">
            <RecordHeading
              title={data.name}
              isSampleData={data.isSampleData}
              {...recordLabels(t, { saved, name: data.name })}
            />
            {data.personalDataMasked && (
              <Alert color="blue" variant="light">
                {t('detail.maskedNotice')}
              </Alert>
            )}
            <BusinessClosure city={city} business={data} canEdit={canEdit} />
            <BusinessDetails business={data} />
            <BusinessLocation business={data} />
            {canEdit && (
              <Group>
                <Button component={Link} to={`/c/${city}/umkm/businesses/${data.id}/edit`}>
                  {t('detail.edit')}
                </Button>
              </Group>
            )}
            <BusinessLicences city={city} businessId={data.id} canEdit={canEdit} />
            <BusinessScales city={city} business={data} canEdit={canEdit} />
            <Anchor component={Link} to={`/c/${city}/umkm/programmes`}>
              {t('programmes.fromBusiness')}
            </Anchor>
          </Stack>
        )}
      </QueryState>
    </Stack>
  )
}
