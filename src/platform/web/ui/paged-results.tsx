import { Alert, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { formatNumber } from '../format.ts'
import { currentLanguage } from '../i18n/setup.ts'
import { Pager } from './pager.tsx'

/** A translate function of a module's catalog (react-i18next's `t`). */
type Translate = (key: string, options?: Record<string, unknown>) => string

/** A list page's labels, from its catalog's `list.total`, `list.sampleNotice`, `list.empty`, `list.pagination`. */
export function listLabels(t: Translate) {
  return {
    total: (total: string) => t('list.total', { total }),
    sampleNotice: t('list.sampleNotice'),
    empty: t('list.empty'),
    pagination: t('list.pagination'),
  }
}

/** One page of a filtered list: how many in all, a sample-data notice, the items (or why none), the pager. */
export function PagedResults<Item extends { isSampleData: boolean }>(props: {
  result: { items: Item[]; total: number; page: number }
  pageSize: number
  hrefOf: (page: number) => string
  labels: {
    /** Announced when the list changes, e.g. `12 usaha`; gets the formatted count. */
    total: (count: string) => string
    sampleNotice: string
    empty: string
    pagination: string
  }
  /** The items of this page, usually a table and the cards that replace it on a phone. */
  children: (items: Item[]) => ReactNode
}) {
  const { result, labels } = props
  const language = currentLanguage()
  return (
    <Stack gap="sm">
      <Text role="status">{labels.total(formatNumber(result.total, language))}</Text>
      {result.items.some((item) => item.isSampleData) && (
        <Alert color="grape" variant="light">
          {labels.sampleNotice}
        </Alert>
      )}
      {result.items.length === 0 ? <Text>{labels.empty}</Text> : props.children(result.items)}
      <Pager
        page={result.page}
        total={result.total}
        pageSize={props.pageSize}
        label={labels.pagination}
        hrefOf={props.hrefOf}
      />
    </Stack>
  )
}
