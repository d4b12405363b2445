import { Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatDate, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { type Statement, useStatement } from './bank-sampah.api.ts'
import classes from './print.module.css'
import { StatementTable } from './statement-table.tsx'
import { BankLayout, PrintButton, useBankSite } from './teller-ui.tsx'

function PassbookSheet({ statement }: { statement: Statement }) {
  const { t } = useTranslation('bank-sampah')
  const { bank, today, nasabahPath, nasabahId } = useBankSite()
  const language = currentLanguage()
  const { nasabah } = statement
  const place = [nasabah.rt && `RT ${nasabah.rt}`, nasabah.rw && `RW ${nasabah.rw}`]
    .filter(Boolean)
    .join(' / ')
  return (
    <section className={classes.sheet} aria-label={t('passbook.title')}>
      <Stack gap="sm">
        <div>
          <Text fw={700}>{bank.data?.name}</Text>
          <Text fw={700} size="lg">
            {t('passbook.heading')}
          </Text>
        </div>
        <Group gap="xl" align="flex-start">
          <div>
            <Text size="sm">{t('passbook.name')}</Text>
            <Text fw={700}>{nasabah.name}</Text>
          </div>
          <div>
            <Text size="sm">{t('passbook.number')}</Text>
            <Text fw={700}>{nasabah.memberNumber}</Text>
          </div>
          {place && (
            <div>
              <Text size="sm">{t('passbook.address')}</Text>
              <Text fw={700}>{place}</Text>
            </div>
          )}
        </Group>
        <StatementTable
          entries={statement.entries}
          caption={t('passbook.title')}
          receiptPath={(depositId) => `${nasabahPath(nasabahId)}/receipt/${depositId}`}
        />
        <Text fw={700}>
          {t('passbook.balanceOn', {
            date: formatDate(today, language),
            balance: formatRupiah(statement.balanceRupiah, language),
          })}
        </Text>
      </Stack>
    </section>
  )
}

/** /…/nasabah/:nasabahId/passbook: the buku tabungan, every entry with its running balance, to print. */
export default function PassbookPage() {
  const { t } = useTranslation('bank-sampah')
  const { target, nasabahId, nasabahPath } = useBankSite()
  const statement = useStatement(target, nasabahId)
  return (
    <BankLayout
      title={t('passbook.title')}
      back={{ to: nasabahPath(nasabahId), label: t('backToNasabah') }}
      width={860}
    >
      <QueryState query={statement}>
        {(data) => (
          <Stack gap="md">
            <PrintButton label={t('passbook.print')} />
            <PassbookSheet statement={data} />
          </Stack>
        )}
      </QueryState>
    </BankLayout>
  )
}
