import { Accordion, Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { currentLanguage } from '../../i18n/setup.ts'
import { DistrictTable } from './district-table.tsx'
import { cityValuesOf, districtRowsOf, periodsOfYear } from './indicator-logic.ts'
import type { IndicatorWithValues } from './indicators-api.ts'
import { ValueForm } from './value-form.tsx'
import { usePeriodLabel, ValueList } from './value-list.tsx'

function PeriodCell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      {children}
    </div>
  )
}

/** Months and kecamatan, folded away; a yearly indicator without monthly values shows no months. */
function FoldedDetails({ item, name, year }: { item: IndicatorWithValues; name: string; year: number }) {
  const { t } = useTranslation()
  const periodLabel = usePeriodLabel()
  const { indicator, values } = item
  const months = periodsOfYear(year, 'month')
  const monthsWithValues = months.filter((month) => cityValuesOf(values, month).length > 0).length
  const showMonths = indicator.periodKind === 'month' || monthsWithValues > 0
  const districts = districtRowsOf(values)
  if (!showMonths && districts.length === 0) return null
  return (
    <Accordion multiple variant="contained">
      {showMonths && (
        <Accordion.Item value="months">
          <Accordion.Control>{t('indicators.months', { count: monthsWithValues })}</Accordion.Control>
          <Accordion.Panel>
            <SimpleGrid cols={{ base: 2, xs: 3, md: 6 }} spacing="xs">
              {months.map((month) => (
                <PeriodCell key={month} label={periodLabel(month)}>
                  <ValueList values={cityValuesOf(values, month)} unit={indicator.unit} compact />
                </PeriodCell>
              ))}
            </SimpleGrid>
          </Accordion.Panel>
        </Accordion.Item>
      )}
      {districts.length > 0 && (
        <Accordion.Item value="districts">
          <Accordion.Control>{t('indicators.districts', { count: districts.length })}</Accordion.Control>
          <Accordion.Panel>
            <DistrictTable
              rows={districts}
              unit={indicator.unit}
              caption={t('indicators.districtCaption', { name, year })}
            />
          </Accordion.Panel>
        </Accordion.Item>
      )}
    </Accordion>
  )
}

/** One indicator: what it is, its year and semesters, months and kecamatan folded away. */
export function IndicatorCard({
  item,
  year,
  canWrite,
}: {
  item: IndicatorWithValues
  year: number
  canWrite: boolean
}) {
  const { t } = useTranslation()
  const periodLabel = usePeriodLabel()
  const [entering, setEntering] = useState(false)
  const { indicator, values } = item
  const name = indicator.name[currentLanguage()]
  const headingId = `indicator-${indicator.code}`
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-indicator={indicator.code}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id={headingId}>
            {name}
          </Title>
          <Text size="sm" c="gray.7">
            {t('indicators.facts', {
              unit: indicator.unit,
              regulation: indicator.regulationRef,
              version: indicator.formulaVersion,
            })}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <PeriodCell label={t('indicators.yearLabel', { year })}>
            <ValueList values={cityValuesOf(values, String(year))} unit={indicator.unit} />
          </PeriodCell>
          {periodsOfYear(year, 'semester').map((period) => (
            <PeriodCell key={period} label={periodLabel(period)}>
              <ValueList values={cityValuesOf(values, period)} unit={indicator.unit} />
            </PeriodCell>
          ))}
        </SimpleGrid>
        <FoldedDetails item={item} name={name} year={year} />
        {canWrite &&
          (entering ? (
            <ValueForm indicator={indicator} name={name} year={year} onClose={() => setEntering(false)} />
          ) : (
            <Button
              variant="outline"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => setEntering(true)}
              aria-label={t('indicators.enterFor', { name })}
            >
              {t('indicators.enter')}
            </Button>
          ))}
      </Stack>
    </Card>
  )
}
