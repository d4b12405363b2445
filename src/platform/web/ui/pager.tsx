import { Button, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatNumber } from '../format.ts'
import { currentLanguage } from '../i18n/setup.ts'

/**
 * Previous / page n of m / next for a paged list whose page lives in the address, so a page can be
 * shared and gone back to. Nothing when everything fits on one page.
 */
export function Pager(props: {
  page: number
  total: number
  pageSize: number
  label: string
  hrefOf: (page: number) => string
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize))
  if (pages <= 1) return null
  return (
    <Group component="nav" aria-label={props.label} gap="sm">
      {props.page > 1 && (
        <Button component={Link} to={props.hrefOf(props.page - 1)} variant="default">
          {t('common.previous')}
        </Button>
      )}
      <Text size="sm">
        {t('common.pageOf', {
          page: formatNumber(props.page, language),
          pages: formatNumber(pages, language),
        })}
      </Text>
      {props.page < pages && (
        <Button component={Link} to={props.hrefOf(props.page + 1)} variant="default">
          {t('common.next')}
        </Button>
      )}
    </Group>
  )
}
