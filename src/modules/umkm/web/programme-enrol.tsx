import { Alert, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { ApiError, problemMessage } from '../../../platform/web/api/problem.ts'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { useEnrol } from './coaching.api.ts'
import { useBusinesses } from './umkm.api.ts'
import { ScaleBadge } from './umkm-labels.tsx'

/** Why the programme refused: the overall message, then each rule the business did not meet. */
function Refusal({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation('umkm')
  const reasons = error instanceof ApiError ? error.fieldProblems.map((problem) => problem.message) : []
  return (
    <Alert color="red" variant="outline" role="alert" title={t('enrol.refused')}>
      <Text size="sm">{problemMessage(i18n, error)}</Text>
      {reasons.length > 0 && (
        <List size="sm" mt="xs">
          {reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  )
}

function Results({
  city,
  q,
  enrolledIds,
  onEnrol,
  pendingId,
}: {
  city: string
  q: string
  enrolledIds: Set<string>
  onEnrol: (business: { id: string; name: string }) => void
  pendingId: string | null
}) {
  const { t } = useTranslation('umkm')
  const businesses = useBusinesses(city, { q, page: 1 })
  return (
    <QueryState query={businesses}>
      {(result) =>
        result.items.length === 0 ? (
          <Text role="status">{t('enrol.noResults')}</Text>
        ) : (
          <Stack
            component="ul"
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('enrol.results')}
          >
            {result.items.map((business) => (
              <Paper component="li" withBorder p="xs" key={business.id}>
                <Group justify="space-between" gap="xs">
                  <Stack gap={2}>
                    <Text fw={600}>{business.name}</Text>
                    <Group gap="xs">
                      <Text size="sm">{business.nib ? `NIB ${business.nib}` : t('list.noNib')}</Text>
                      {business.derivedScale ? (
                        <ScaleBadge scale={business.derivedScale.scale} />
                      ) : (
                        <Text size="sm">{t('list.noFigures')}</Text>
                      )}
                      {enrolledIds.has(business.id) && <Text size="sm">{t('enrol.alreadyIn')}</Text>}
                    </Group>
                  </Stack>
                  <Button
                    size="xs"
                    variant="outline"
                    loading={pendingId === business.id}
                    disabled={pendingId !== null && pendingId !== business.id}
                    aria-label={t('enrol.enrolOne', { name: business.name })}
                    onClick={() => onEnrol(business)}
                  >
                    {t('enrol.enrol')}
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
        )
      }
    </QueryState>
  )
}

/** Find a business in the registry and enrol it; the server checks NIB, scale, quota and duplicates. */
export function EnrolControl({
  city,
  programmeId,
  enrolledIds,
}: {
  city: string
  programmeId: string
  enrolledIds: Set<string>
}) {
  const { t } = useTranslation('umkm')
  const enrol = useEnrol(city, programmeId)
  const [text, setText] = useState('')
  const [q, setQ] = useState('')
  const [enrolled, setEnrolled] = useState<string | null>(null)
  const search = (event: FormEvent) => {
    event.preventDefault()
    setQ(text.trim())
  }
  const onEnrol = (business: { id: string; name: string }) => {
    setEnrolled(null)
    // One key per attempt: a double click cannot enrol twice, a deliberate retry is a new attempt.
    enrol.mutate(
      { businessId: business.id, key: newIdempotencyKey() },
      { onSuccess: (saved) => setEnrolled(saved.business.name) },
    )
  }
  return (
    <Stack gap="sm">
      <Title order={2}>{t('enrol.title')}</Title>
      <Text maw={720}>{t('enrol.lead')}</Text>
      <Group
        component="form"
        onSubmit={search}
        align="flex-end"
        gap="sm"
        role="search"
        aria-label={t('enrol.title')}
      >
        <TextInput
          type="search"
          label={t('enrol.search')}
          value={text}
          maxLength={100}
          onChange={(event) => setText(event.currentTarget.value)}
          w={{ base: '100%', xs: 320 }}
        />
        <Button type="submit" variant="default">
          {t('enrol.find')}
        </Button>
      </Group>
      {enrol.isError && <Refusal error={enrol.error} />}
      {enrolled && (
        <Alert color="teal" role="status">
          {t('enrol.done', { name: enrolled })}
        </Alert>
      )}
      {q && (
        <Results
          city={city}
          q={q}
          enrolledIds={enrolledIds}
          onEnrol={onEnrol}
          pendingId={enrol.isPending ? (enrol.variables?.businessId ?? null) : null}
        />
      )}
    </Stack>
  )
}
