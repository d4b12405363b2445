import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { formatDate, formatNumber } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { LicenceStatusBadge } from './business-licences.tsx'
import { ReminderActions, ReminderStatus } from './licence-reminder.tsx'
import { useExpiringLicences } from './umkm.api.ts'

const WINDOWS = [30, 60, 90, 180, 365]

/** Expiry reminders for the dinas staff: which licences lapse soon, so owners can be called in time. */
export default function ExpiringLicencesPage() {
  const { t } = useTranslation('umkm')
  const city = useCityParam()
  const language = currentLanguage()
  const [params, setParams] = useSearchParams()
  const days = WINDOWS.includes(Number(params.get('days'))) ? Number(params.get('days')) : 90
  const includeExpired = params.get('expired') === '1'
  const notReminded = params.get('unreminded') === '1'
  const page = Math.max(1, Number(params.get('page')) || 1)
  const expiring = useExpiringLicences(city, { days, includeExpired, notReminded, page })
  const go = (next: { days?: number; expired?: boolean; unreminded?: boolean; page?: number }) => {
    const search = new URLSearchParams({ days: String(next.days ?? days) })
    if (next.expired ?? includeExpired) search.set('expired', '1')
    if (next.unreminded ?? notReminded) search.set('unreminded', '1')
    if (next.page && next.page > 1) search.set('page', String(next.page))
    setParams(search)
  }
  return (
    <Stack gap="lg">
      <Title order={1}>{t('expiring.title')}</Title>
      <Text maw={720}>{t('expiring.lead')}</Text>
      <Paper withBorder p="md">
        <Group align="flex-end">
          <NativeSelect
            label={t('expiring.window')}
            value={String(days)}
            onChange={(event) => go({ days: Number(event.currentTarget.value), page: 1 })}
            data={WINDOWS.map((value) => ({
              value: String(value),
              label: t('expiring.days', { count: value }),
            }))}
            w={{ base: '100%', xs: 200 }}
          />
          <Checkbox
            label={t('expiring.includeExpired')}
            checked={includeExpired}
            onChange={(event) => go({ expired: event.currentTarget.checked, page: 1 })}
          />
          <Checkbox
            label={t('reminders.onlyNotReminded')}
            checked={notReminded}
            onChange={(event) => go({ unreminded: event.currentTarget.checked, page: 1 })}
          />
        </Group>
      </Paper>
      <QueryState query={expiring}>
        {(result) => (
          <Stack gap="sm">
            <Text role="status">{t('expiring.total', { total: formatNumber(result.total, language) })}</Text>
            {result.items.length === 0 ? (
              <Text>{t('expiring.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={900}>
                <Table striped verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('expiring.colBusiness')}</Table.Th>
                      <Table.Th scope="col">{t('licences.kind')}</Table.Th>
                      <Table.Th scope="col">{t('licences.number')}</Table.Th>
                      <Table.Th scope="col">{t('licences.expiresOn')}</Table.Th>
                      <Table.Th scope="col">{t('expiring.colDaysLeft')}</Table.Th>
                      <Table.Th scope="col">{t('reminders.colOwner')}</Table.Th>
                      <Table.Th scope="col">{t('reminders.colRemind')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.items.map((item) => (
                      <Table.Tr key={item.licence.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/c/${city}/umkm/businesses/${item.business.id}`}>
                            {item.business.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{t(`licences.kinds.${item.licence.kind}`)}</Table.Td>
                        <Table.Td>{item.licence.number}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {item.licence.expiresOn ? formatDate(item.licence.expiresOn, language) : '—'}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Group gap="xs">
                            <LicenceStatusBadge expiresOn={item.licence.expiresOn} />
                            <Text size="sm">
                              {item.daysLeft < 0
                                ? t('expiring.daysAgo', { count: -item.daysLeft })
                                : t('expiring.daysLeft', { count: item.daysLeft })}
                            </Text>
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <ReminderStatus item={item} />
                        </Table.Td>
                        <Table.Td>
                          <ReminderActions city={city} item={item} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Group>
              {page > 1 && (
                <Button variant="default" onClick={() => go({ page: page - 1 })}>
                  {t('list.previous')}
                </Button>
              )}
              {page * result.pageSize < result.total && (
                <Button variant="default" onClick={() => go({ page: page + 1 })}>
                  {t('list.next')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </QueryState>
    </Stack>
  )
}
