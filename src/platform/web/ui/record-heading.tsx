import { Alert, Group, Title } from '@mantine/core'
import { SampleDataBadge } from './sample-data-badge.tsx'

/**
 * A record page's confirmation of the save it came back from and its sample-data notice, from its
 * catalog's `detail.created`, `detail.updated` (both given the record's name) and `detail.sampleNotice`.
 */
export function recordLabels(
  t: (key: string, options?: Record<string, unknown>) => string,
  options: { saved?: 'created' | 'updated' | null; name: string },
) {
  return {
    saved: options.saved
      ? t(options.saved === 'created' ? 'detail.created' : 'detail.updated', { name: options.name })
      : null,
    sampleNotice: t('detail.sampleNotice'),
  }
}

/**
 * Top of a record's own page: the one-off confirmation after a save, the name as the page title
 * and, for sample data, the badge and a notice saying so.
 */
export function RecordHeading(props: {
  title: string
  isSampleData: boolean
  /** Confirmation of the save the form came back from, if it did. */
  saved?: string | null
  /** Why sample data is here; none shows the badge alone. */
  sampleNotice?: string
}) {
  return (
    <>
      {props.saved && (
        <Alert color="teal" role="status">
          {props.saved}
        </Alert>
      )}
      <Group gap="sm" align="center">
        <Title order={1}>{props.title}</Title>
        {props.isSampleData && <SampleDataBadge />}
      </Group>
      {props.isSampleData && props.sampleNotice && (
        <Alert color="grape" variant="light">
          {props.sampleNotice}
        </Alert>
      )}
    </>
  )
}
