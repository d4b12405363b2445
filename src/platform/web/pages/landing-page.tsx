import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useActiveCities, useMe } from '../api/hooks.ts'
import { QueryState } from '../ui/query-state.tsx'

const FEATURES = ['featureWaste', 'featureUmkm', 'featureTourism', 'featureIndicators'] as const

export default function LandingPage() {
  const { t } = useTranslation()
  const me = useMe()
  const cities = useActiveCities()
  return (
    <Stack gap="xl">
      <Stack gap="sm" maw={720}>
        <Title order={1}>{t('landing.title')}</Title>
        <Text size="lg">{t('landing.lead')}</Text>
        {!me.data && (
          <Group>
            <Button component={Link} to="/login" size="md">
              {t('landing.signIn')}
            </Button>
          </Group>
        )}
      </Stack>

      <section aria-labelledby="features-title">
        <Title order={2} id="features-title" mb="sm">
          {t('landing.featuresTitle')}
        </Title>
        <List spacing="xs">
          {FEATURES.map((key) => (
            <List.Item key={key}>{t(`landing.${key}`)}</List.Item>
          ))}
        </List>
      </section>

      <section aria-labelledby="cities-title">
        <Title order={2} id="cities-title" mb="sm">
          {t('landing.citiesTitle')}
        </Title>
        <QueryState query={cities}>
          {(page) =>
            page.items.length === 0 ? (
              <Text>{t('landing.citiesEmpty')}</Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                {page.items.map((city) => (
                  <Card key={city.code} withBorder padding="md" component="article">
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <Title order={3} size="h4">
                        {city.name}
                      </Title>
                      <Badge variant="filled" color="dark.6">
                        {city.code}
                      </Badge>
                    </Group>
                    <Text size="sm" c="gray.7" mt={4}>
                      {t('landing.cityMeta', {
                        province: city.province.name,
                        timezone: city.timezoneAbbreviation,
                      })}
                    </Text>
                    <Anchor component={Link} to={`/kota/${city.slug}/neraca-sampah`} mt="sm" display="block">
                      {t('public.cityLink', { ns: 'waste-balance', city: city.name })}
                    </Anchor>
                    <Anchor component={Link} to={`/kota/${city.slug}/pusat-umkm`} mt="sm" display="block">
                      {t('centre.catalogue.cityLink', { ns: 'umkm', city: city.name })}
                    </Anchor>
                    {me.data && (
                      <Anchor component={Link} to={`/c/${city.slug}`} mt="sm" display="block">
                        {t('landing.openWorkspace', { city: city.name })}
                      </Anchor>
                    )}
                  </Card>
                ))}
              </SimpleGrid>
            )
          }
        </QueryState>
      </section>
    </Stack>
  )
}
