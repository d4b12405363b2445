import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { formatDate, formatKilograms, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { type DepositReceipt, useDepositReceipt, useNasabah } from './bank-sampah.api.ts'
import classes from './print.module.css'
import { receiptTime, receiptTotals } from './teller-logic.ts'
import { BankLayout, PrintButton, TOUCH, useBankSite, useMaterialName } from './teller-ui.tsx'

function ReceiptLines({ deposit }: { deposit: DepositReceipt }) {
  const { t } = useTranslation('bank-sampah')
  const materialName = useMaterialName()
  const language = currentLanguage()
  const totals = receiptTotals(deposit.lines)
  return (
    <table>
      <caption className="visually-hidden">{t('receipt.linesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('receipt.material')}</th>
          <th scope="col" className={classes.number}>
            {t('receipt.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {deposit.lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a receipt's lines never move
          <tr key={index} data-testid="receipt-line">
            <td>
              {materialName(line.subMaterial)}
              <br />
              <Text span size="sm">
                {formatKilograms(line.weightGrams, language)} ×{' '}
                {t('receipt.perKg', { price: formatRupiah(line.pricePerKgRupiah, language) })}
              </Text>
            </td>
            <td className={classes.number}>{formatRupiah(line.amountRupiah, language)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td>{t('receipt.total', { weight: formatKilograms(totals.weightGrams, language) })}</td>
          <td className={classes.number} data-testid="receipt-total">
            {formatRupiah(deposit.totalRupiah, language)}
          </td>
        </tr>
      </tfoot>
    </table>
  )
}

function Struk({ deposit }: { deposit: DepositReceipt }) {
  const { t } = useTranslation('bank-sampah')
  const { bank, target } = useBankSite()
  const nasabah = useNasabah(target, deposit.nasabah.id)
  const language = currentLanguage()
  const time = receiptTime(deposit, { language, formatDay: (date) => formatDate(date, language) })
  return (
    <section className={`${classes.sheet} ${classes.receipt}`} aria-label={t('receipt.title')}>
      <Stack gap={4}>
        <Text fw={700} ta="center">
          {bank.data?.name}
        </Text>
        <Text ta="center" fw={700}>
          {t('receipt.heading')}
        </Text>
        <Text size="sm">{t('receipt.date', { date: formatDate(deposit.date, language) })}</Text>
        <Text size="sm">{t('receipt.number', { number: deposit.id })}</Text>
        <Text size="sm">
          {t('receipt.nasabah', { name: deposit.nasabah.name, number: deposit.nasabah.memberNumber })}
        </Text>
        {deposit.reversal && (
          // On paper too: a reprint of a cancelled deposit must not pass for money owed.
          <Text size="sm" fw={700} data-testid="receipt-reversed">
            {t('receipt.reversed', {
              date: formatDate(deposit.reversal.date, language),
              number: deposit.reversal.id,
            })}
          </Text>
        )}
        <ReceiptLines deposit={deposit} />
        {nasabah.data && (
          <Text size="sm">
            {t('receipt.balanceNow', { balance: formatRupiah(nasabah.data.balanceRupiah, language) })}
          </Text>
        )}
        <Text size="sm" data-testid="receipt-recorded">
          {t('receipt.recordedAt', { time })}
          {deposit.teller && (
            <>
              <br />
              {t('receipt.teller', { name: deposit.teller })}
            </>
          )}
        </Text>
        <Text size="sm" ta="center" mt="xs">
          {t('receipt.thanks')}
        </Text>
      </Stack>
    </section>
  )
}

function SavedNotice({ deposit }: { deposit: DepositReceipt }) {
  const { t } = useTranslation('bank-sampah')
  const saved = useRef<HTMLDivElement>(null)
  useEffect(() => {
    saved.current?.focus()
  }, [])
  return (
    <Alert ref={saved} tabIndex={-1} color="teal" role="status" className={classes.noPrint}>
      {t('receipt.saved', { total: formatRupiah(deposit.totalRupiah, currentLanguage()) })}
    </Alert>
  )
}

/**
 * /…/nasabah/:nasabahId/receipt/:depositId: the struk, on screen and on paper. Read from the
 * server, so a reload, another phone or a reprint from the passbook shows the same receipt; right
 * after saving, the deposit's own answer fills it without a second request.
 */
export default function ReceiptPage() {
  const { t } = useTranslation('bank-sampah')
  const { target, nasabahPath, nasabahId } = useBankSite()
  const receipt = useDepositReceipt(target, nasabahId, useParams().depositId ?? '')
  const isJustSaved = (useLocation().state as { saved?: boolean } | null)?.saved === true
  return (
    <BankLayout title={t('receipt.title')} back={{ to: nasabahPath(nasabahId), label: t('backToNasabah') }}>
      <QueryState query={receipt}>
        {(deposit) => (
          <>
            {isJustSaved && <SavedNotice deposit={deposit} />}
            <Struk deposit={deposit} />
            <PrintButton label={t('receipt.print')} />
          </>
        )}
      </QueryState>
      <Group gap="sm" className={classes.noPrint}>
        <Button
          component={Link}
          to={`${nasabahPath(nasabahId)}/deposit`}
          size="lg"
          variant="default"
          style={TOUCH}
        >
          {t('receipt.another')}
        </Button>
      </Group>
    </BankLayout>
  )
}
