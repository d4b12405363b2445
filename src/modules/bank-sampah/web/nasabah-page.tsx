import { Alert, Anchor, Button, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { formatDate } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { type NasabahWithBalance, useNasabah, useStatement } from './bank-sampah.api.ts'
import { StatementTable } from './statement-table.tsx'
import { BalanceFigure, BankLayout, useBankSite } from './teller-ui.tsx'

/** The last few entries on screen; the whole book is the passbook page. */
const RECENT = 10

const ACTIONS = ['deposit', 'withdraw', 'passbook', 'card', 'pin'] as const

function Actions({ path }: { path: string }) {
  const { t } = useTranslation('bank-sampah')
  return (
    <nav aria-label={t('nasabah.actions')}>
      <SimpleGrid
        cols={{ base: 1, xs: 2 }}
        spacing="sm"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {ACTIONS.map((action, index) => (
          <li key={action}>
            <Button
              component={Link}
              to={`${path}/${action}`}
              size="xl"
              fullWidth
              justify="flex-start"
              variant={index < 2 ? 'filled' : 'default'}
              style={{ minHeight: 64 }}
            >
              {t(`nasabah.tasks.${action}`)}
            </Button>
          </li>
        ))}
      </SimpleGrid>
    </nav>
  )
}

function Details({ nasabah }: { nasabah: NasabahWithBalance }) {
  const { t } = useTranslation('bank-sampah')
  const place = [nasabah.rt && `RT ${nasabah.rt}`, nasabah.rw && `RW ${nasabah.rw}`]
    .filter(Boolean)
    .join(' / ')
  return (
    <Text c="gray.8">
      {[nasabah.memberNumber, t(`kinds.${nasabah.kind}`), place, nasabah.phone].filter(Boolean).join(' · ')}
    </Text>
  )
}

/** Deposits and withdrawals can be corrected (once) by a mirror entry; a correction itself cannot. */
const CORRECTABLE = new Set(['deposit', 'withdrawal'])

function Recent() {
  const { t } = useTranslation('bank-sampah')
  const { target, nasabahId, nasabahPath } = useBankSite()
  const statement = useStatement(target, nasabahId)
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('nasabah.recent')}
      </Title>
      <QueryState query={statement}>
        {(data) => (
          <StatementTable
            entries={data.entries.slice(-RECENT).reverse()}
            caption={t('nasabah.recent')}
            receiptPath={(depositId) => `${nasabahPath(nasabahId)}/receipt/${depositId}`}
            action={{
              header: t('reverse.column'),
              render: (entry) =>
                CORRECTABLE.has(entry.kind) ? (
                  <Anchor component={Link} to={`${nasabahPath(nasabahId)}/reverse/${entry.id}`} size="sm">
                    {t('reverse.link')}
                    <span className="visually-hidden">
                      {' '}
                      {t(`statement.kinds.${entry.kind}`)} {formatDate(entry.date, currentLanguage())}
                    </span>
                  </Anchor>
                ) : null,
            }}
          />
        )}
      </QueryState>
    </Stack>
  )
}

/** /c/:city/bank-sampah/:bankId/nasabah/:nasabahId: who, how much, and what to do next. */
export default function NasabahPage() {
  const { t } = useTranslation('bank-sampah')
  const { target, nasabahId, nasabahPath, home } = useBankSite()
  const nasabah = useNasabah(target, nasabahId)
  const isNew = (useLocation().state as { registered?: boolean } | null)?.registered === true
  return (
    <BankLayout title={nasabah.data?.name ?? t('nasabah.title')} back={{ to: home, label: t('backToFind') }}>
      <QueryState query={nasabah}>
        {(data) => (
          <Stack gap="md">
            {isNew && (
              <Alert color="teal" variant="filled" role="status" title={t('register.done')}>
                <Text c="white">{t('register.doneLine', { number: data.memberNumber })}</Text>
              </Alert>
            )}
            <Details nasabah={data} />
            <BalanceFigure rupiah={data.balanceRupiah} />
            <Actions path={nasabahPath(data.id)} />
            <Recent />
          </Stack>
        )}
      </QueryState>
    </BankLayout>
  )
}
