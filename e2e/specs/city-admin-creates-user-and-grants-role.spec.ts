import { expect, test } from '@playwright/test'
import { AuditPage } from '../pages/AuditPage.ts'
import { LoginPage } from '../pages/LoginPage.ts'
import { UsersPage } from '../pages/UsersPage.ts'
import { WorkspaceHomePage } from '../pages/WorkspaceHomePage.ts'
import { expectNoSeriousA11yViolations } from '../support/axe.ts'

test('a city admin creates a user, grants a role and sees both in the audit log', async ({ page }) => {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`
  const newcomer = {
    displayName: `Petugas Uji ${suffix}`,
    username: `petugas.uji.${suffix}`,
    password: 'kata-sandi-uji-panjang',
    roleName: 'Pengamat kota',
  }

  const login = new LoginPage(page)
  await login.goto()
  await login.signIn('admin.batu')
  const home = new WorkspaceHomePage(page)
  await home.verifyOnPage('kota-batu', 'Kota Batu')
  await expectNoSeriousA11yViolations(page, 'workspace home, Kota Batu')

  await home.shell.goToNavItem('Pengguna dan peran')
  const users = new UsersPage(page)
  await users.verifyOnPage('kota-batu')
  await expectNoSeriousA11yViolations(page, 'users, Kota Batu')

  // The new person's id, as the server answers, ties the audit entries to them.
  const created = page.waitForResponse(
    (response) =>
      response.request().method() === 'POST' && response.url().endsWith('/cities/kota-batu/users'),
  )
  await users.createUser(newcomer)
  const { id: userId } = (await (await created).json()) as { id: string }
  const row = users.row(newcomer.username)
  await expect(row).toContainText(newcomer.displayName)
  await expect(users.revokeButton(newcomer, 'Pengamat kota')).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'users, after adding a user')

  await users.grantRole(newcomer, 'Admin kota')
  await expect(users.revokeButton(newcomer, 'Admin kota')).toBeVisible()
  await expect(users.revokeButton(newcomer, 'Pengamat kota')).toBeVisible()

  await home.shell.goToNavItem('Jejak audit')
  const audit = new AuditPage(page)
  await audit.verifyOnPage('kota-batu')
  await expectNoSeriousA11yViolations(page, 'audit log, Kota Batu')

  await audit.filterByActor('admin.batu')
  await expect(audit.table.getByRole('row').filter({ hasText: 'seed' })).toHaveCount(0)
  const roleGranted = { label: 'Peran diberikan', code: 'role.granted' }
  await audit.expectEntry(roleGranted, `"user": "${userId}"`, '"role": "city_viewer"')
  await audit.expectEntry(roleGranted, `"user": "${userId}"`, '"role": "city_admin"')
  await expectNoSeriousA11yViolations(page, 'audit log, filtered, changes shown')
})
