import { Button, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatKilograms, formatNumber, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { MonthField, useChosenMonth } from '../../waste/web/operator/month-field.tsx'
import { type MonthReport, reportXlsxUrl, useMonthReport } from './bank-operations.api.ts'
import classes from './print.module.css'
import { BankLayout, TOUCH, useBankSite, useMaterialName } from './teller-ui.tsx'

function Figures({ report }: { report: MonthReport }) {
  const { t } = useTranslation('bank-sampah')
  const language = currentLanguage()
  const figures = [
    [t('report.deposited'), formatKilograms(report.deposits.weightGrams, language)],
    [t('report.paid'), formatRupiah(report.deposits.amountRupiah, language)],
    [t('report.active'), formatNumber(report.activeNasabah, language)],
    [t('report.stockValue'), formatRupiah(report.stockValueRupiah, language)],
    [t('report.cash'), formatRupiah(report.cashRupiah, language)],
  ]
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} component="dl" spacing="sm" m={0}>
      {figures.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="sm">
            {label}
          </Text>
          <Text component="dd" fw={700} fz="xl" m={0}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  )
}

function Rows({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  const { t } = useTranslation('bank-sampah')
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {caption}
      </Title>
      {rows.length === 0 ? (
        <Text>{t('report.none')}</Text>
      ) : (
        <div className={classes.passbook}>
          <table>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {head.map((cell, index) => (
                  <th key={cell} scope="col" className={index > 0 ? classes.number : undefined}>
                    {cell}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row[0]}>
                  {row.map((cell, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                    <td key={index} className={index > 0 ? classes.number : undefined}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Stack>
  )
}

function Report({ report }: { report: MonthReport }) {
  const { t } = useTranslation('bank-sampah')
  const materialName = useMaterialName()
  const language = currentLanguage()
  const kg = (grams: number) => formatKilograms(grams, language)
  const rp = (rupiah: number) => formatRupiah(rupiah, language)
  const rtRw = (row: { rt: string | null; rw: string | null }) =>
    [row.rt && `RT ${row.rt}`, row.rw && `RW ${row.rw}`].filter(Boolean).join(' / ') || t('report.noRtRw')
  return (
    <Stack gap="lg">
      <Figures report={report} />
      <Rows
        caption={t('report.byMaterial')}
        head={[t('prices.material'), t('report.weight'), t('report.amount')]}
        rows={report.deposits.byMaterial.map((row) => [
          materialName(row.subMaterial),
          kg(row.weightGrams),
          rp(row.amountRupiah),
        ])}
      />
      <Rows
        caption={t('report.byRtRw')}
        head={[t('report.rtRw'), t('report.nasabah'), t('report.weight'), t('report.amount')]}
        rows={report.deposits.byRtRw.map((row) => [
          rtRw(row),
          formatNumber(row.nasabah, language),
          kg(row.weightGrams),
          rp(row.amountRupiah),
        ])}
      />
      <Rows
        caption={t('report.stock')}
        head={[t('prices.material'), t('report.weight'), t('report.value')]}
        rows={report.stock.map((row) => [materialName(row.subMaterial), kg(row.grams), rp(row.valueRupiah)])}
      />
    </Stack>
  )
}

/** /c/:city/bank-sampah/:bankId/report: a month in figures, and the same as an Excel workbook. */
export default function ReportPage() {
  const { t } = useTranslation('bank-sampah')
  const { target, today } = useBankSite()
  const month = useChosenMonth(today)
  const report = useMonthReport(target, month.period)
  return (
    <BankLayout title={t('report.title')} width={860}>
      <MonthField month={month} />
      <Button
        component="a"
        href={reportXlsxUrl(target, month.period)}
        download
        variant="default"
        size="lg"
        maw={360}
        style={TOUCH}
      >
        {t('report.download')}
      </Button>
      <QueryState query={report}>{(data) => <Report report={data} />}</QueryState>
    </BankLayout>
  )
}
