import { Alert, Anchor, Button, List, Paper, Stack, Text, Title } from '@mantine/core'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { problemMessage } from '../../../platform/web/api/problem.ts'
import { NS } from './balance-ui.tsx'
import { usePublishYear } from './waste-balance.api.ts'

function PublishButton({ city, year }: { city: string; year: number }) {
  const { t, i18n } = useTranslation(NS)
  const publish = usePublishYear(city)
  // One key per attempt: a double click publishes once; after an answer the next click is a new attempt.
  const key = useRef(newIdempotencyKey())
  const onClick = () =>
    publish.mutate({ year, key: key.current }, { onSettled: () => (key.current = newIdempotencyKey()) })
  return (
    <Stack gap="xs" align="flex-start">
      <Button onClick={onClick} loading={publish.isPending} color="teal.9">
        {t('staff.publish', { year })}
      </Button>
      <Text size="sm" c="gray.8">
        {t('staff.publishHint')}
      </Text>
      <div aria-live="polite">
        {publish.isSuccess && (
          <Alert
            color="teal"
            variant="light"
            title={t('staff.published', { n: publish.data.values.length, period: publish.data.period })}
          />
        )}
        {publish.isError && (
          <Alert color="red" variant="light" role="alert" title={problemMessage(i18n, publish.error)} />
        )}
      </div>
    </Stack>
  )
}

/** What DLH staff can change: the estimate, the city's own targets, flows entered by hand, publishing. */
export function StaffTools({ city, year }: { city: string; year: number }) {
  const { t } = useTranslation(NS)
  const base = `/c/${city}/waste-balance`
  return (
    <Paper component="section" withBorder p="md" radius="sm" aria-labelledby="staff-title">
      <Title order={2} size="h3" id="staff-title" mb="xs">
        {t('staff.title')}
      </Title>
      <List spacing="xs" mb="md">
        <List.Item>
          <Anchor component={Link} to={`${base}/estimates/${year}`}>
            {t('staff.editEstimate', { year })}
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor component={Link} to={`${base}/targets/${year}`}>
            {t('staff.editTarget', { year })}
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor component={Link} to={`${base}/manual-flows?year=${year}`}>
            {t('staff.manualFlows', { year })}
          </Anchor>
        </List.Item>
      </List>
      <PublishButton city={city} year={year} />
    </Paper>
  )
}
