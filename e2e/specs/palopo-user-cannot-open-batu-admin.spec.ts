import { expect, test } from '@playwright/test'
import { AccessRefusedPage } from '../pages/AccessRefusedPage.ts'
import { LoginPage } from '../pages/LoginPage.ts'
import { WorkspaceHomePage } from '../pages/WorkspaceHomePage.ts'
import { expectNoSeriousA11yViolations } from '../support/axe.ts'

test("a user of Palopo cannot open Batu's admin pages", async ({ page }) => {
  const login = new LoginPage(page)
  await login.goto()
  await login.signIn('admin.palopo')
  const home = new WorkspaceHomePage(page)
  await home.verifyOnPage('kota-palopo', 'Kota Palopo')
  await expectNoSeriousA11yViolations(page, 'workspace home, Kota Palopo')
  // Only one city: no switcher that could lead to Batu.
  await expect(home.shell.citySwitcher()).toHaveCount(0)

  // Anything the server sends back while the Batu page is open, to check nothing leaks.
  const bodies: string[] = []
  page.on('response', async (response) => {
    if (response.url().includes('/api/')) bodies.push(await response.text().catch(() => ''))
  })

  for (const path of ['/c/kota-batu/admin/users', '/c/kota-batu/admin/audit']) {
    await page.goto(path)
    const refused = new AccessRefusedPage(page, 'Kota Batu')
    await refused.verifyOnPage(path)
    await expectNoSeriousA11yViolations(page, `refused: ${path}`)
    await expect(page.getByRole('table')).toHaveCount(0)
    // No Batu account appears anywhere on the page.
    await expect(page.getByText('admin.batu')).toHaveCount(0)
    await expect(page.getByText('bappeda.palopo')).toHaveCount(0)
  }

  expect(bodies.join('\n')).not.toContain('admin.batu')
  expect(bodies.join('\n')).not.toContain('"role.granted"')
})
