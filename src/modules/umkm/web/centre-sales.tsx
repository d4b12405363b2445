import { Badge, Button, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatDateTime, formatNumber, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { type Sale, useDaySales } from './centre.api.ts'
import { formatTime, printClasses, TOUCH } from './centre-labels.tsx'

/** The struk of one sale: 58 mm wide, what the buyer takes home. */
export function Receipt({ sale, timeZone }: { sale: Sale; timeZone: string }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  return (
    <section
      className={`${printClasses.sheet} ${printClasses.receipt}`}
      aria-label={t('centre.receipt.title')}
    >
      <Stack gap={4}>
        <Text fw={700} ta="center">
          {sale.outlet.name}
        </Text>
        <Text ta="center" fw={700}>
          {t('centre.receipt.heading')}
        </Text>
        {sale.voided && (
          <Stack gap={2} data-testid="receipt-voided" style={{ border: '2px solid #000' }} p={4}>
            <Text ta="center" fw={700} fz="lg">
              {t('centre.receipt.voided')}
            </Text>
            <Text size="xs">
              {t('centre.receipt.voidedBy', {
                date: formatDateTime(sale.voided.at, language, timeZone),
                name: sale.voided.by ?? '–',
                reason: sale.voided.reason,
              })}
            </Text>
          </Stack>
        )}
        <Text size="sm">{formatDateTime(sale.soldAt, language, timeZone)}</Text>
        <Text size="sm">{t('centre.receipt.number', { number: sale.id })}</Text>
        <table>
          <caption className="visually-hidden">{t('centre.receipt.lines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('centre.receipt.item')}</th>
              <th scope="col" className={printClasses.number}>
                {t('centre.receipt.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sale.lines.map((line) => (
              <tr key={line.batchId} data-testid="receipt-line">
                <td>
                  {line.product}
                  <br />
                  <Text span size="xs">
                    {formatNumber(line.quantity, language)} × {formatRupiah(line.unitPriceRupiah, language)} ·{' '}
                    {line.business}
                  </Text>
                </td>
                <td className={printClasses.number}>{formatRupiah(line.amountRupiah, language)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>{t('centre.receipt.total')}</td>
              <td className={printClasses.number} data-testid="receipt-total">
                {formatRupiah(sale.totalRupiah, language)}
              </td>
            </tr>
          </tfoot>
        </table>
        <Text size="sm">
          {t(`centre.payment.${sale.paymentMethod}`)}
          {sale.paymentReference
            ? ` · ${t('centre.receipt.reference', { reference: sale.paymentReference })}`
            : ''}
        </Text>
        <Text size="sm" ta="center" mt="xs">
          {t('centre.receipt.thanks')}
        </Text>
      </Stack>
    </section>
  )
}

function Figure({ label, rupiah, testId }: { label: string; rupiah: number; testId: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="gray.8">
        {label}
      </Text>
      <Text fw={700} fz={24} lh={1.2} data-testid={testId}>
        {formatRupiah(rupiah, currentLanguage())}
      </Text>
    </Paper>
  )
}

/** Today's sales at this outlet, with the cash and QRIS totals the clerk closes the till against. */
export function DaySales({
  city,
  outletId,
  timeZone,
  onOpen,
}: {
  city: string
  outletId: string
  timeZone: string
  /** Opens a sale's struk, to reprint or void it. */
  onOpen: (saleId: string) => void
}) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const sales = useDaySales(city, outletId)
  return (
    <Stack gap="sm" component="section" aria-labelledby="day-sales-title" className={printClasses.noPrint}>
      <Title order={2} id="day-sales-title">
        {t('centre.day.title')}
      </Title>
      <Text size="sm" maw={640}>
        {t('centre.day.lead')} {t('centre.day.openHint')}
      </Text>
      <QueryState query={sales}>
        {(day) => (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <Figure label={t('centre.payment.cash')} rupiah={day.totals.cash} testId="till-cash" />
              <Figure label={t('centre.payment.qris')} rupiah={day.totals.qris} testId="till-qris" />
              <Figure label={t('centre.day.all')} rupiah={day.totals.allRupiah} testId="till-all" />
            </SimpleGrid>
            {day.sales.length === 0 ? (
              <Text>{t('centre.day.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={480}>
                <Table striped verticalSpacing="xs" aria-label={t('centre.day.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('centre.day.time')}</Table.Th>
                      <Table.Th scope="col">{t('centre.day.items')}</Table.Th>
                      <Table.Th scope="col">{t('centre.day.payment')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('centre.receipt.total')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {day.sales.map((sale) => (
                      <Table.Tr key={sale.id} data-testid="day-sale">
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {/* The time opens the struk: on a phone the first column is always in view. */}
                          <Button
                            variant="default"
                            style={TOUCH}
                            onClick={() => onOpen(sale.id)}
                            aria-label={t('centre.receipt.openOne', {
                              time: formatTime(sale.soldAt, language, timeZone),
                            })}
                          >
                            {formatTime(sale.soldAt, language, timeZone)}
                          </Button>
                          {sale.voided && (
                            <Badge display="block" mt={4} variant="outline" color="red.9">
                              {t('centre.day.voided')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {sale.lines
                            .map((line) => `${formatNumber(line.quantity, language)} × ${line.product}`)
                            .join('; ')}
                        </Table.Td>
                        <Table.Td>
                          {t(`centre.payment.${sale.paymentMethod}`)}
                          {sale.paymentReference && (
                            <Text span size="sm" display="block">
                              {sale.paymentReference}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td
                          ta="right"
                          style={{
                            whiteSpace: 'nowrap',
                            textDecoration: sale.voided ? 'line-through' : undefined,
                          }}
                        >
                          {formatRupiah(sale.totalRupiah, language)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  )
}
