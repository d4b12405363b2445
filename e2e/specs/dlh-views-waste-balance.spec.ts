import { expect, test } from '@playwright/test'
import { LoginPage } from '../pages/LoginPage.ts'
import { EstimatePage, WasteBalancePage } from '../pages/WasteBalancePages.ts'
import { expectNoSeriousA11yViolations } from '../support/axe.ts'
import { batuYear } from '../support/city-time.ts'

// Batu's demo: ledger flows for the last 365 days, a timbulan estimate for this year and last
// (215 000 people × 0,55 kg + 10 t/day + 10,87 million visits × 0,5 kg) and the informal sector's
// 15 t a month entered by hand.
const PERCENT = /^\d{1,3}(,\d)?%$/

test('DLH staff read the city waste balance, correct the estimate, and the public sees the figures', async ({
  page,
  browser,
}) => {
  const year = batuYear()
  const login = new LoginPage(page)
  await login.goto()
  await login.signIn('dlh.batu')
  await expect(page).toHaveURL(/\/c\/kota-batu/)

  const balance = new WasteBalancePage(page)
  let before = ''
  await test.step('the dashboard of this year: a managed share and the flow diagram', async () => {
    await page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Neraca sampah' })
      .click()
    await balance.verifyOnPage()
    await expect(page.getByLabel('Tahun')).toHaveValue(String(year))
    await expect(balance.managed).toHaveText(PERCENT)
    await expect(balance.timbulan).toHaveText('143,1 t/hari')
    await balance.expectFlowDiagram(
      'Rumah tangga',
      'TPS 3R',
      'Dicatat manual (sektor informal dll.)',
      'Tidak terkelola',
    )
    before = (await balance.managed.textContent()) ?? ''
    await expectNoSeriousA11yViolations(page, 'waste balance dashboard')
  })

  await test.step('a new estimate of 3,5 kg a person: unusual, confirmed, and the figures change', async () => {
    await balance.openStaffLink(`Ubah perkiraan timbulan ${year}`)
    const estimate = new EstimatePage(page)
    await estimate.verifyOnPage(year)
    await expect(estimate.rateField()).toHaveValue('0,55')
    await estimate.setRate('3,5')
    await estimate.save()
    await expect(estimate.errorSummary).toContainText('di luar kisaran wajar')
    await expect(estimate.rateField()).toHaveAttribute('aria-invalid', 'true')
    await expectNoSeriousA11yViolations(page, 'estimate, unusual rate')
    await estimate.confirmUnusualRate.check()
    await estimate.save()
    await balance.verifyOnPage()
    await expect(page.getByRole('status').filter({ hasText: 'Perkiraan timbulan tersimpan' })).toBeVisible()
    // 215 000 × 3,5 kg + 10 t + 14,9 t of tourists' waste a day.
    await expect(balance.timbulan).toHaveText('777,4 t/hari')
    await expect(balance.managed).toHaveText(PERCENT)
    await expect(balance.managed).not.toHaveText(before)
    await expect(
      page.getByText('Angka timbulan per orang di luar kisaran wajar dan sudah dikonfirmasi.'),
    ).toBeVisible()
  })

  await test.step('an anonymous visitor opens the public page from the landing page', async () => {
    const visitor = await browser.newPage({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' })
    await visitor.goto('/')
    await visitor.getByRole('link', { name: 'Neraca sampah Kota Batu' }).click()
    const publicPage = new WasteBalancePage(visitor)
    await publicPage.verifyOnPage('Neraca sampah Kota Batu')
    await expect(visitor.getByRole('link', { name: 'Masuk' })).toBeVisible()
    await expect(publicPage.timbulan).toHaveText('777,4 t/hari')
    await expect(publicPage.managed).toHaveText(PERCENT)
    await publicPage.expectFlowDiagram('Rumah tangga')
    await expectNoSeriousA11yViolations(visitor, 'public waste balance')
    await visitor.close()
  })
})
