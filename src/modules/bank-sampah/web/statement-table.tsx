import { Anchor, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDate, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import type { Statement } from './bank-sampah.api.ts'
import classes from './print.module.css'

/**
 * The passbook's columns as a buku tabungan prints them: date, what happened, money in, money out,
 * balance after. Amounts are signed on the statement (deposit +, withdrawal −).
 */
export function StatementTable({
  entries,
  caption,
  action,
  receiptPath,
}: {
  entries: Statement['entries']
  caption: string
  /** A last column, e.g. a link to correct the entry (on screen, never in the printed passbook). */
  action?: { header: string; render: (entry: Statement['entries'][number]) => ReactNode }
  /** Where a deposit's receipt lives: its row links there, to print it again. */
  receiptPath?: (depositId: string) => string
}) {
  const { t } = useTranslation('bank-sampah')
  const language = currentLanguage()
  if (entries.length === 0) return <Text>{t('statement.empty')}</Text>
  return (
    // Narrow columns that wrap rather than a sideways scroll: the passbook fits a 360 px phone.
    <div className={classes.passbook}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('statement.date')}</th>
            <th scope="col">{t('statement.kind')}</th>
            <th scope="col" className={classes.number}>
              {t('statement.in')}
            </th>
            <th scope="col" className={classes.number}>
              {t('statement.out')}
            </th>
            <th scope="col" className={classes.number}>
              {t('statement.balance')}
            </th>
            {action && <th scope="col">{action.header}</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{formatDate(entry.date, language)}</td>
              <td>
                {receiptPath && entry.kind === 'deposit' ? (
                  <Anchor component={Link} to={receiptPath(entry.id)} size="sm">
                    {t('statement.kinds.deposit')}
                    <span className="visually-hidden">
                      {' '}
                      {t('statement.receiptLink')} {formatDate(entry.date, language)}
                    </span>
                  </Anchor>
                ) : (
                  t(`statement.kinds.${entry.kind}`, { defaultValue: entry.kind })
                )}
              </td>
              <td className={classes.number}>
                {entry.amountRupiah > 0 ? formatRupiah(entry.amountRupiah, language) : ''}
              </td>
              <td className={classes.number}>
                {entry.amountRupiah < 0 ? formatRupiah(-entry.amountRupiah, language) : ''}
              </td>
              <td className={classes.number}>{formatRupiah(entry.balanceRupiah, language)}</td>
              {action && <td>{action.render(entry)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
