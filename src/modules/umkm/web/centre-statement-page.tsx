import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { useWorkspace } from '../../../platform/web/api/hooks.ts'
import { problemMessage } from '../../../platform/web/api/problem.ts'
import { formatDate, formatDateTime, formatNumber, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { firstDayAfter } from '../domain/centre.ts'
import { type BusinessStatement, useBusinessStatement, useSettleMonth } from './centre.api.ts'
import {
  formatMonth,
  PrintButton,
  printClasses,
  TOUCH,
  useCentreRights,
  useCityToday,
} from './centre-labels.tsx'

function Lines({ statement }: { statement: BusinessStatement }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const rupiah = (value: number) => formatRupiah(value, language)
  const { totals } = statement
  return (
    <table>
      <caption className="visually-hidden">{t('centre.statement.lines')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('centre.statement.date')}</th>
          <th scope="col">{t('centre.statement.product')}</th>
          <th scope="col">{t('centre.statement.payment')}</th>
          <th scope="col" className={printClasses.number}>
            {t('centre.statements.quantity')}
          </th>
          <th scope="col" className={printClasses.number}>
            {t('centre.statement.price')}
          </th>
          <th scope="col" className={printClasses.number}>
            {t('centre.statements.gross')}
          </th>
          <th scope="col" className={printClasses.number}>
            {t('centre.statements.commission')}
          </th>
        </tr>
      </thead>
      <tbody>
        {statement.lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a statement's lines never move; one sale may hold two lines of the product
          <tr key={`${line.saleId}-${index}`} data-testid="statement-line">
            <td style={{ whiteSpace: 'nowrap' }}>{formatDate(line.soldOn, language)}</td>
            <td>
              {line.product}
              <Text span size="xs" display="block">
                {line.outlet}
              </Text>
            </td>
            <td>{t(`centre.payment.${line.paymentMethod}`)}</td>
            <td className={printClasses.number}>
              {formatNumber(line.quantity, language)} {line.unit}
            </td>
            <td className={printClasses.number}>{rupiah(line.unitPriceRupiah)}</td>
            <td className={printClasses.number}>{rupiah(line.amountRupiah)}</td>
            <td className={printClasses.number}>{rupiah(line.commissionRupiah)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            {t('centre.statements.all')}
          </th>
          <td className={printClasses.number}>{formatNumber(totals.quantity, language)}</td>
          <td />
          <td className={printClasses.number}>{rupiah(totals.grossRupiah)}</td>
          <td className={printClasses.number}>{rupiah(totals.commissionRupiah)}</td>
        </tr>
      </tfoot>
    </table>
  )
}

/** The paper a producer signs when paid: the month's lines, the totals, and two signatures. */
function Sheet({ city, statement }: { city: string; statement: BusinessStatement }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const { timeZone } = useCityToday(city)
  const cityName = useWorkspace(city).data?.city.name ?? ''
  const { totals, settlement } = statement
  return (
    <section className={`${printClasses.sheet} ${printClasses.statement}`} aria-labelledby="statement-title">
      <Stack gap="sm">
        <Stack gap={0}>
          <Text size="sm">{t('centre.statement.issuer', { city: cityName })}</Text>
          <Title order={2} id="statement-title">
            {t('centre.statement.heading', { month: formatMonth(statement.month, language) })}
          </Title>
          <Text fw={700}>{statement.business.name}</Text>
        </Stack>
        {statement.lines.length === 0 ? (
          <Text>{t('centre.statement.empty')}</Text>
        ) : (
          <Lines statement={statement} />
        )}
        <Stack gap={2} data-testid="statement-totals">
          <Text>
            {t('centre.statements.gross')}: {formatRupiah(totals.grossRupiah, language)}
          </Text>
          <Text>
            {t('centre.statements.commission')}: {formatRupiah(totals.commissionRupiah, language)}
          </Text>
          <Text fw={700} fz="lg" data-testid="statement-payable">
            {t('centre.statements.payable')}: {formatRupiah(totals.payableRupiah, language)}
          </Text>
          <Text size="sm">
            {settlement
              ? t('centre.statement.settledAt', {
                  date: formatDateTime(settlement.settledAt, language, timeZone),
                  amount: formatRupiah(settlement.payableRupiah, language),
                })
              : t('centre.statements.open')}
          </Text>
        </Stack>
        <div className={printClasses.signatures}>
          <div>
            <Text size="sm">{t('centre.statement.producerSigns')}</Text>
            <div className={printClasses.signatureLine}>
              <Text size="sm">{statement.business.name}</Text>
            </div>
          </div>
          <div>
            <Text size="sm">{t('centre.statement.officerSigns')}</Text>
            <div className={printClasses.signatureLine}>
              <Text size="sm">{t('centre.statement.nameAndDate')}</Text>
            </div>
          </div>
        </div>
      </Stack>
    </section>
  )
}

function SettleButton({ city, statement }: { city: string; statement: BusinessStatement }) {
  const { t, i18n } = useTranslation('umkm')
  const settle = useSettleMonth(city)
  const [key, setKey] = useState(newIdempotencyKey)
  return (
    <Stack gap="xs" className={printClasses.noPrint}>
      {settle.isError && (
        <Alert color="red" variant="outline" role="alert">
          {problemMessage(i18n, settle.error)}
        </Alert>
      )}
      <Group>
        <Button
          size="md"
          style={TOUCH}
          loading={settle.isPending}
          onClick={() =>
            settle.mutate(
              { businessId: statement.business.id, month: statement.month, key },
              { onError: () => setKey(newIdempotencyKey()) },
            )
          }
        >
          {t('centre.statement.settle', {
            amount: formatRupiah(statement.totals.payableRupiah, currentLanguage()),
          })}
        </Button>
      </Group>
    </Stack>
  )
}

/** /c/:city/umkm/centre/statements/:month/:businessId: one producer's monthly settlement statement, printable. */
export default function CentreStatementPage() {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const city = useCityParam()
  const params = useParams()
  const month = params.month ?? ''
  const statement = useBusinessStatement(city, month, params.businessId ?? '')
  const { canEdit } = useCentreRights(city)
  return (
    <Stack gap="lg">
      <Anchor
        component={Link}
        to={`/c/${city}/umkm/centre/statements?month=${month}`}
        className={printClasses.noPrint}
      >
        {t('centre.statement.back')}
      </Anchor>
      <Title order={1} className={printClasses.noPrint}>
        {t('centre.statement.title')}
      </Title>
      <QueryState query={statement}>
        {(data) => (
          <Stack gap="md">
            <Sheet city={city} statement={data} />
            <PrintButton label={t('centre.statement.print')} />
            {canEdit && data.canSettle && <SettleButton city={city} statement={data} />}
            {canEdit && !data.settlement && !data.canSettle && (
              <Text size="sm" className={printClasses.noPrint}>
                {t('centre.statements.notOver', {
                  month: formatMonth(data.month, language),
                  date: formatDate(firstDayAfter(data.month), language),
                })}
              </Text>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  )
}
