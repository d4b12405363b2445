import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { formatDate, formatKilograms, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useNasabah } from './bank-sampah.api.ts'
import classes from './print.module.css'
import { recallReceipt, type StoredReceipt } from './receipt-store.ts'
import { receiptTotals } from './teller-logic.ts'
import { BankLayout, PrintButton, TOUCH, useBankSite, useMaterialName } from './teller-ui.tsx'

function ReceiptLines({ receipt }: { receipt: StoredReceipt }) {
  const { t } = useTranslation('bank-sampah')
  const materialName = useMaterialName()
  const language = currentLanguage()
  const { deposit } = receipt
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

function Struk({ receipt }: { receipt: StoredReceipt }) {
  const { t } = useTranslation('bank-sampah')
  const { bank, target } = useBankSite()
  const nasabah = useNasabah(target, receipt.nasabah.id)
  const language = currentLanguage()
  return (
    <section className={`${classes.sheet} ${classes.receipt}`} aria-label={t('receipt.title')}>
      <Stack gap={4}>
        <Text fw={700} ta="center">
          {bank.data?.name}
        </Text>
        <Text ta="center" fw={700}>
          {t('receipt.heading')}
        </Text>
        <Text size="sm">{t('receipt.date', { date: formatDate(receipt.deposit.date, language) })}</Text>
        <Text size="sm">{t('receipt.number', { number: receipt.deposit.id })}</Text>
        <Text size="sm">
          {t('receipt.nasabah', { name: receipt.nasabah.name, number: receipt.nasabah.memberNumber })}
        </Text>
        <ReceiptLines receipt={receipt} />
        {nasabah.data && (
          <Text size="sm">
            {t('receipt.balanceNow', { balance: formatRupiah(nasabah.data.balanceRupiah, language) })}
          </Text>
        )}
        <Text size="sm" ta="center" mt="xs">
          {t('receipt.thanks')}
        </Text>
      </Stack>
    </section>
  )
}

/** /…/nasabah/:nasabahId/receipt/:depositId: the struk, on screen and on paper. */
export default function ReceiptPage() {
  const { t } = useTranslation('bank-sampah')
  const { nasabahPath, nasabahId } = useBankSite()
  const receipt = recallReceipt(useParams().depositId ?? '')
  const saved = useRef<HTMLDivElement>(null)
  useEffect(() => {
    saved.current?.focus()
  }, [])
  return (
    <BankLayout title={t('receipt.title')} back={{ to: nasabahPath(nasabahId), label: t('backToNasabah') }}>
      {receipt ? (
        <>
          <Alert ref={saved} tabIndex={-1} color="teal" role="status" className={classes.noPrint}>
            {t('receipt.saved', { total: formatRupiah(receipt.deposit.totalRupiah, currentLanguage()) })}
          </Alert>
          <Struk receipt={receipt} />
          <PrintButton label={t('receipt.print')} />
        </>
      ) : (
        <Alert color="yellow">{t('receipt.gone')}</Alert>
      )}
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
