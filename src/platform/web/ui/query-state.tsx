import { Alert, Button, Center, Group, Loader, Text } from '@mantine/core'
import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { problemMessage } from '../api/problem.ts'

export function PageLoader() {
  const { t } = useTranslation()
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text ml="sm" size="sm">
        {t('app.loading')}
      </Text>
    </Center>
  )
}

export function ErrorWithRetry({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t, i18n } = useTranslation()
  return (
    <Alert color="red" variant="light" role="alert" title={problemMessage(i18n, error)}>
      <Group mt="xs">
        <Button size="xs" variant="white" color="red" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      </Group>
    </Alert>
  )
}

/** Loading, failed (with a retry) or loaded: never a blank area. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>
  children: (data: T) => ReactNode
}) {
  if (query.isPending) return <PageLoader />
  if (query.isError) return <ErrorWithRetry error={query.error} onRetry={() => void query.refetch()} />
  return <>{children(query.data)}</>
}
