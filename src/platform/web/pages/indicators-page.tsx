import { Alert, NativeSelect, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useWorkspace } from '../api/hooks.ts'
import { useCityParam } from '../layout/city-shell.tsx'
import { QueryState } from '../ui/query-state.tsx'
import { IndicatorCard } from './indicators/indicator-card.tsx'
import { groupByModule, yearInCity } from './indicators/indicator-logic.ts'
import { useIndicatorOverview } from './indicators/indicators-api.ts'

const YEARS_BACK = 6

/** The year in the address (`?year=2025`), so a view can be shared; this year in the city by default. */
function useYearParam(thisYear: number): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams()
  const asked = Number(params.get('year'))
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear + 1 ? asked : thisYear
  const setYear = (next: number) =>
    setParams((old) => {
      const updated = new URLSearchParams(old)
      updated.set('year', String(next))
      return updated
    })
  return [year, setYear]
}

/** "Indikator kota": every indicator of the city in one year, by module, with where each value came from. */
export default function IndicatorsPage() {
  const { t } = useTranslation()
  const city = useCityParam()
  const workspace = useWorkspace(city).data
  const thisYear = yearInCity(workspace?.city.timezone ?? 'Asia/Jakarta')
  const [year, setYear] = useYearParam(thisYear)
  const overview = useIndicatorOverview(city, year)
  const canWrite = workspace?.permissions.includes('indicators:write') ?? false
  const years = Array.from({ length: YEARS_BACK }, (_, index) => String(thisYear - index))
  return (
    <Stack>
      <Title order={1}>{t('indicators.title')}</Title>
      <Text>{t('indicators.intro')}</Text>
      <NativeSelect
        label={t('indicators.year')}
        value={String(year)}
        data={years.includes(String(year)) ? years : [String(year), ...years]}
        onChange={(event) => setYear(Number(event.currentTarget.value))}
        maw={200}
      />
      <Alert color="gray" variant="outline">
        {t('indicators.noValueExplained')}
      </Alert>
      <QueryState query={overview}>
        {(data) =>
          groupByModule(data.indicators).map(([module, items]) => (
            <Stack key={module} gap="sm" component="section" aria-labelledby={`module-${module}`}>
              <Title order={2} id={`module-${module}`}>
                {t(`indicators.modules.${module}`, { defaultValue: module })}
              </Title>
              {items.map((item) => (
                <IndicatorCard key={item.indicator.code} item={item} year={data.year} canWrite={canWrite} />
              ))}
            </Stack>
          ))
        }
      </QueryState>
    </Stack>
  )
}
