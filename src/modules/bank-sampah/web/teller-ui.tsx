import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useMe, useWorkspace } from '../../../platform/web/api/hooks.ts'
import { formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { useFacility } from '../../waste/web/facilities.api.ts'
import { TOUCH } from '../../waste/web/operator/operator-ui.tsx'
import { todayIn } from '../../waste/web/operator/quantities.ts'
import classes from './print.module.css'

export { TOUCH }

/** The city, the bank in the address, today in the city's time zone, and where its pages live. */
export function useBankSite() {
  const city = useCityParam()
  const params = useParams()
  const bankId = params.bankId ?? ''
  const workspace = useWorkspace(city)
  const bank = useFacility(city, bankId)
  const timeZone = workspace.data?.city.timezone ?? 'Asia/Jakarta'
  const home = `/c/${city}/bank-sampah/${bankId}`
  return {
    city,
    bankId,
    target: { city, bankId },
    nasabahId: params.nasabahId ?? '',
    bank,
    timeZone,
    today: todayIn(timeZone),
    home,
    nasabahPath: (nasabahId: string) => `${home}/nasabah/${nasabahId}`,
  }
}

/** The banks this person is a teller of in this city, from their role grants. */
export function useOwnBankIds(city: string): string[] | undefined {
  const me = useMe()
  if (!me.data) return undefined
  return me.data.roles
    .filter(
      (grant) =>
        (grant.city.slug === city || grant.city.code === city) &&
        grant.role === 'bank_sampah_teller' &&
        grant.scopeKind === 'facility' &&
        grant.scopeId,
    )
    .map((grant) => grant.scopeId as string)
}

/** Dinas LH staff may act for every bank of the city (their grant may be narrowed to their agency). */
export function useIsCityWide(city: string): boolean {
  const workspace = useWorkspace(city).data
  return Boolean(
    workspace?.roles.includes('dlh_staff') || workspace?.permissions.includes('bank_sampah:write'),
  )
}

/** Frame of every teller page: the way back, the bank's name and the page title. */
export function BankLayout({
  title,
  children,
  back,
  width = 640,
}: {
  title: string
  children: ReactNode
  back?: { to: string; label: string } | null
  width?: number
}) {
  const { t } = useTranslation('bank-sampah')
  const { bank, home } = useBankSite()
  return (
    <Stack gap="md" maw={width}>
      {back !== null && (
        <Anchor
          component={Link}
          to={back?.to ?? home}
          className={classes.noPrint}
          style={{ ...TOUCH, display: 'inline-flex', alignItems: 'center' }}
        >
          {back?.label ?? t('backToMenu')}
        </Anchor>
      )}
      <div>
        {bank.data && (
          <Text size="sm" c="gray.8">
            {bank.data.name}
          </Text>
        )}
        <Title order={1}>{title}</Title>
      </div>
      {children}
    </Stack>
  )
}

/** The balance in big figures: what a nasabah asks first. */
export function BalanceFigure({ rupiah, label }: { rupiah: number; label?: string }) {
  const { t } = useTranslation('bank-sampah')
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="gray.8">
        {label ?? t('nasabah.balance')}
      </Text>
      <Text fw={700} fz={32} lh={1.2} data-testid="balance">
        {formatRupiah(rupiah, currentLanguage())}
      </Text>
    </Paper>
  )
}

/** Print this page; on screen only (the printout has no buttons). */
export function PrintButton({ label }: { label?: string }) {
  const { t } = useTranslation('bank-sampah')
  return (
    <Group className={classes.noPrint}>
      <Button size="lg" style={TOUCH} onClick={() => window.print()}>
        {label ?? t('print')}
      </Button>
    </Group>
  )
}

/** `subMaterials.pet` lives in the waste module's catalog: one name per material across the app. */
export function useMaterialName() {
  const { t } = useTranslation('waste')
  return (subMaterial: string) => t(`subMaterials.${subMaterial}`, { defaultValue: subMaterial })
}
