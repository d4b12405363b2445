import { Accordion, Badge, Group, List, Stack, Text, TextInput, Title } from '@mantine/core'
import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCityRegions } from '../api/hooks.ts'
import { formatNumber } from '../format.ts'
import { currentLanguage } from '../i18n/setup.ts'
import { useCityParam } from '../layout/city-shell.tsx'
import { QueryState } from '../ui/query-state.tsx'

type Districts = NonNullable<ReturnType<typeof useCityRegions>['data']>['districts']

function filterDistricts(districts: Districts, query: string): Districts {
  const needle = query.trim().toLowerCase()
  if (!needle) return districts
  return districts.flatMap((district) => {
    if (district.name.toLowerCase().includes(needle)) return [district]
    const villages = district.villages.filter((village) => village.name.toLowerCase().includes(needle))
    return villages.length > 0 ? [{ ...district, villages }] : []
  })
}

/** Kecamatan → desa/kelurahan of the city, from the Kemendagri reference data. */
export default function RegionsPage() {
  const { t } = useTranslation()
  const city = useCityParam()
  const regions = useCityRegions(city)
  const [query, setQuery] = useState('')
  const [opened, setOpened] = useState<string[]>([])
  const deferredQuery = useDeferredValue(query)
  const language = currentLanguage()
  return (
    <Stack>
      <Title order={1}>{t('regions.title')}</Title>
      <QueryState query={regions}>
        {(data) => {
          const villages = data.districts.reduce((sum, district) => sum + district.villages.length, 0)
          const shown = filterDistricts(data.districts, deferredQuery)
          return (
            <>
              <Text>
                {t('regions.summary', {
                  districts: formatNumber(data.districts.length, language),
                  villages: formatNumber(villages, language),
                })}
              </Text>
              <TextInput
                label={t('regions.search')}
                type="search"
                value={query}
                onChange={(event) => setQuery(event.currentTarget.value)}
                maw={420}
              />
              {shown.length === 0 ? (
                <Text>{t('regions.noMatch')}</Text>
              ) : (
                <Accordion
                  multiple
                  variant="separated"
                  // While searching, every match is open so the hits are visible at once.
                  value={deferredQuery ? shown.map((district) => district.code) : opened}
                  onChange={setOpened}
                >
                  {shown.map((district) => (
                    <Accordion.Item key={district.code} value={district.code}>
                      <Accordion.Control>
                        <Group justify="space-between" wrap="wrap" gap="xs" pr="sm">
                          <Text fw={600}>{district.name}</Text>
                          <Text size="sm" c="gray.7">
                            {t('regions.villages', { count: district.villages.length })}
                          </Text>
                        </Group>
                      </Accordion.Control>
                      <Accordion.Panel>
                        <List spacing={4}>
                          {district.villages.map((village) => (
                            <List.Item key={village.code}>
                              <Group gap="xs" wrap="wrap">
                                <span>{village.name}</span>
                                <Badge
                                  size="sm"
                                  variant="filled"
                                  color={village.kind === 'desa' ? 'green.9' : 'blue.9'}
                                >
                                  {t(`kind.${village.kind}`)}
                                </Badge>
                                <Text span size="xs" c="gray.7">
                                  {t('regions.code', { code: village.code })}
                                </Text>
                              </Group>
                            </List.Item>
                          ))}
                        </List>
                      </Accordion.Panel>
                    </Accordion.Item>
                  ))}
                </Accordion>
              )}
            </>
          )
        }}
      </QueryState>
    </Stack>
  )
}
