import { expect, type Page, test } from '@playwright/test'
import { LoginPage } from '../pages/LoginPage.ts'
import { RegionsPage } from '../pages/RegionsPage.ts'
import { WorkspaceHomePage } from '../pages/WorkspaceHomePage.ts'
import { expectNoSeriousA11yViolations } from '../support/axe.ts'

// bappeda.palopo is a viewer in two partner cities, Kota Batu first: they land there and see a
// city switcher. The story ends back in Indonesian, the language the account started with.
async function story(page: Page) {
  const login = new LoginPage(page)
  await login.goto()
  await expectNoSeriousA11yViolations(page, 'login')
  await login.signIn('bappeda.palopo')

  const home = new WorkspaceHomePage(page)
  await home.verifyOnPage('kota-batu', 'Kota Batu')
  await expectNoSeriousA11yViolations(page, 'workspace home, Kota Batu')

  await home.shell.switchCity('Kota Palopo')
  await home.verifyOnPage('kota-palopo', 'Kota Palopo')
  await expect(page.getByText('Peran Anda di sini: Pengamat kota')).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'workspace home, Kota Palopo')

  await home.shell.switchLanguage('EN')
  await home.verifyOnPage('kota-palopo', 'Kota Palopo', 'en')
  await expect(page.getByText('Your roles here: City viewer')).toBeVisible()
  await home.shell.openNavigation()
  await expect(home.shell.citySwitcher('Switch city')).toHaveValue('Kota Palopo')
  await expect(home.shell.navigation.getByRole('link', { name: 'Overview', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await expectNoSeriousA11yViolations(page, 'workspace home, Kota Palopo, English')

  await home.shell.goToNavItem('Regions')
  const regions = new RegionsPage(page)
  await regions.verifyOnPage('kota-palopo')
  await expectNoSeriousA11yViolations(page, 'regions, Kota Palopo, English')

  // The choice stays: a reload is still in English.
  await page.reload()
  await regions.verifyOnPage('kota-palopo')
  await expect(regions.heading).toHaveText('Regions')

  await home.shell.switchLanguage('ID')
  await expect(regions.heading).toHaveText('Wilayah')
}

test.describe('a new user logs in with a demo account, switches city and language', () => {
  test('on a computer screen', async ({ page }) => {
    await story(page)
  })

  test.describe('on a phone (360 × 740), through the menu button', () => {
    test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })

    test('on a phone', async ({ page }) => {
      const shell = new WorkspaceHomePage(page).shell
      await story(page)
      // The navigation was reached through the burger, and the page fits the screen.
      await expect(shell.burger).toBeVisible()
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, 'page wider than the phone screen').toBeLessThanOrEqual(0)
    })
  })
})
