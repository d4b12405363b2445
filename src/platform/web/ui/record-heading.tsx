import { Alert, Group, Title } from '@mantine/core'
import { SampleDataBadge } from './sample-data-badge.tsx'

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
