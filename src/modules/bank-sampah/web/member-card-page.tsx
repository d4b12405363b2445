import { Button, Stack, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { cardPngUrl } from './bank-operations.api.ts'
import { type NasabahWithBalance, useNasabah } from './bank-sampah.api.ts'
import classes from './print.module.css'
import { BankLayout, PrintButton, TOUCH, useBankSite } from './teller-ui.tsx'

/**
 * The member number as a QR code, drawn in the browser: `qrcode` loads only with this page, and a
 * card prints without another round trip on a weak connection.
 */
function MemberQr({ value, label }: { value: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null)
  useEffect(() => {
    let isCurrent = true
    void import('qrcode').then((qrcode) =>
      qrcode.toString(value, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then((markup) => {
        if (isCurrent) setSvg(markup)
      }),
    )
    return () => {
      isCurrent = false
    }
  }, [value])
  if (!svg) return <div className={classes.qr} />
  return <img className={classes.qr} src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`} alt={label} />
}

function Card({ nasabah }: { nasabah: NasabahWithBalance }) {
  const { t } = useTranslation('bank-sampah')
  const { bank } = useBankSite()
  return (
    <section className={`${classes.sheet} ${classes.card}`} aria-label={t('card.title')}>
      <MemberQr value={nasabah.memberNumber} label={t('card.qrAlt', { number: nasabah.memberNumber })} />
      <Stack gap={2}>
        <Text size="xs" fw={700}>
          {bank.data?.name}
        </Text>
        <Text size="xs">{t('card.heading')}</Text>
        <Text fw={700}>{nasabah.name}</Text>
        <Text fw={700} ff="monospace" fz="lg" data-testid="card-number">
          {nasabah.memberNumber}
        </Text>
      </Stack>
    </section>
  )
}

/** /…/nasabah/:nasabahId/card: a wallet card with the member number as text and as QR code. */
export default function MemberCardPage() {
  const { t } = useTranslation('bank-sampah')
  const { target, nasabahId, nasabahPath } = useBankSite()
  const nasabah = useNasabah(target, nasabahId)
  return (
    <BankLayout title={t('card.title')} back={{ to: nasabahPath(nasabahId), label: t('backToNasabah') }}>
      <QueryState query={nasabah}>
        {(data) => (
          <Stack gap="md">
            <Text>{t('card.lead')}</Text>
            <Card nasabah={data} />
            <PrintButton label={t('card.print')} />
            <Button
              component="a"
              href={cardPngUrl(target, data.id)}
              download
              variant="default"
              size="lg"
              maw={360}
              style={TOUCH}
              className={classes.noPrint}
            >
              {t('card.download')}
            </Button>
          </Stack>
        )}
      </QueryState>
    </BankLayout>
  )
}
