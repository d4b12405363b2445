import { Alert, Anchor, Button, Container, Stack, Text, Title } from '@mantine/core'
import { useNetwork } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { Link, useRouteError } from 'react-router'

export function SkipLink() {
  const { t } = useTranslation()
  return (
    <a href="#main" className="skip-link">
      {t('app.skipToContent')}
    </a>
  )
}

export function OfflineNotice() {
  const { t } = useTranslation()
  const network = useNetwork()
  if (network.online) return null
  return (
    <Alert color="yellow" radius={0} role="status">
      {t('app.offline')}
    </Alert>
  )
}

export function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <Stack gap="sm">
      <Title order={1}>{t('errors.notFoundTitle')}</Title>
      <Text>{t('errors.notFoundBody')}</Text>
      <Anchor component={Link} to="/">
        {t('errors.backHome')}
      </Anchor>
    </Stack>
  )
}

/**
 * Last line of defence for a page that throws, or a page chunk that failed to download on a weak
 * connection: say so and offer a reload instead of a blank screen.
 */
export function RouteErrorPage() {
  const { t } = useTranslation()
  const error = useRouteError()
  const isChunkFailure = error instanceof TypeError && /import|fetch/i.test(error.message)
  return (
    <Container size="sm" py="xl" component="main" id="main">
      <Alert color="red" role="alert" title={t('errors.pageCrashed')}>
        <Text size="sm" mb="sm">
          {isChunkFailure ? t('errors.network') : t('errors.unknown')}
        </Text>
        <Button color="red" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>
      </Alert>
    </Container>
  )
}
