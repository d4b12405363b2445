import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ApiError, problemMessage } from '../../../platform/web/api/problem.ts'
import { fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { findByMemberNumber } from './bank-operations.api.ts'
import { type Nasabah, useNasabahList } from './bank-sampah.api.ts'
import { ScanButton } from './member-scan.tsx'
import { matchesNasabah, normaliseMemberNumber } from './teller-logic.ts'
import { BankLayout, TOUCH, useBankSite, useIsCityWide, useOwnBankIds } from './teller-ui.tsx'

const FORM = 'find'

function NasabahRow({ nasabah }: { nasabah: Nasabah }) {
  const { t } = useTranslation('bank-sampah')
  const { nasabahPath } = useBankSite()
  const place = [nasabah.rt && `RT ${nasabah.rt}`, nasabah.rw && `RW ${nasabah.rw}`]
    .filter(Boolean)
    .join(' / ')
  return (
    <Paper component="li" withBorder radius="md">
      <Button
        component={Link}
        to={nasabahPath(nasabah.id)}
        variant="subtle"
        fullWidth
        justify="flex-start"
        h="auto"
        py="xs"
        style={TOUCH}
        // Long names (a school, a group) wrap instead of being cut off.
        styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }}
      >
        <Stack gap={0} align="flex-start">
          <Text fw={700}>{nasabah.name}</Text>
          <Text size="sm" c="gray.8">
            {[nasabah.memberNumber, t(`kinds.${nasabah.kind}`), place].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      </Button>
    </Paper>
  )
}

function NasabahList({ query }: { query: string }) {
  const { t } = useTranslation('bank-sampah')
  const { target } = useBankSite()
  const list = useNasabahList(target)
  return (
    <QueryState query={list}>
      {(items) => {
        const shown = items.filter((nasabah) => matchesNasabah(nasabah, query))
        if (items.length === 0) return <Text>{t('find.empty')}</Text>
        return (
          <Stack gap="xs">
            <Text size="sm" aria-live="polite">
              {t('find.count', { count: shown.length })}
            </Text>
            <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
              {shown.map((nasabah) => (
                <NasabahRow key={nasabah.id} nasabah={nasabah} />
              ))}
            </Stack>
          </Stack>
        )
      }}
    </QueryState>
  )
}

/** The bank's own work, apart from the counter: prices, what leaves the bank, the month's report. */
function BankTools() {
  const { t } = useTranslation('bank-sampah')
  const { home, bank } = useBankSite()
  // Only a unit hands waste on to an induk.
  const tools = ['prices', 'sale', ...(bank.data?.kind === 'bank_sampah_unit' ? ['transfer'] : []), 'report']
  return (
    <nav aria-label={t('home.tools')}>
      <Title order={2} size="h3" mb="xs">
        {t('home.tools')}
      </Title>
      <SimpleGrid
        cols={{ base: 1, xs: 2 }}
        spacing="xs"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {tools.map((tool) => (
          <li key={tool}>
            <Button
              component={Link}
              to={`${home}/${tool}`}
              size="lg"
              variant="default"
              fullWidth
              justify="flex-start"
              style={TOUCH}
            >
              {t(`home.${tool}`)}
            </Button>
          </li>
        ))}
      </SimpleGrid>
    </nav>
  )
}

/** A member number typed or scanned opens that nasabah, looked up by the server; resolves false when none. */
function useOpenByNumber() {
  const { target, nasabahPath } = useBankSite()
  const navigate = useNavigate()
  return async (text: string): Promise<boolean> => {
    const number = normaliseMemberNumber(text)
    if (!/^NS-\d{6,9}$/.test(number)) return false
    try {
      const found = await findByMemberNumber(target, number)
      void navigate(nasabahPath(found.id))
      return true
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return false
      throw error
    }
  }
}

/** /c/:city/bank-sampah/:bankId: find a nasabah (number, name, card scan) or register one. */
export default function BankHomePage() {
  const { t, i18n } = useTranslation('bank-sampah')
  const { home, city } = useBankSite()
  const [query, setQuery] = useState('')
  const [notFound, setNotFound] = useState<string | null>(null)
  const openByNumber = useOpenByNumber()
  const own = useOwnBankIds(city)
  const isCityWide = useIsCityWide(city)
  const canChoose = (own?.length ?? 0) > 1 || isCityWide
  const [problem, setProblem] = useState<unknown>(null)
  const open = (text: string) => {
    setNotFound(null)
    setProblem(null)
    openByNumber(text).then((isFound) => {
      if (!isFound) setNotFound(normaliseMemberNumber(text))
    }, setProblem)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    // A name only filters the list below; digits are a member number to open.
    if (/\d/.test(query)) open(query)
  }
  return (
    <BankLayout
      title={t('home.title')}
      back={canChoose ? { to: `/c/${city}/bank-sampah`, label: t('home.chooseOther') } : null}
    >
      <Group gap="sm">
        <Button component={Link} to={`${home}/nasabah/new`} size="lg" style={TOUCH}>
          {t('home.register')}
        </Button>
      </Group>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <TextInput
            id={fieldId(FORM, 'query')}
            label={t('find.label')}
            description={t('find.hint')}
            size="lg"
            autoComplete="off"
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
          />
          <Group gap="sm">
            <Button type="submit" size="lg" style={TOUCH}>
              {t('find.open')}
            </Button>
            <ScanButton
              onCode={(code) => {
                setQuery(code)
                open(code)
              }}
            />
          </Group>
        </Stack>
      </form>
      {problem ? (
        <Alert color="red" role="alert">
          {problemMessage(i18n, problem)}
        </Alert>
      ) : null}
      {notFound && (
        <Alert color="yellow" role="alert">
          {t('find.notFound', { number: notFound })}
        </Alert>
      )}
      <NasabahList query={query} />
      <BankTools />
    </BankLayout>
  )
}
