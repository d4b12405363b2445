import { expect, test } from '@playwright/test'
import { LoginPage } from '../pages/LoginPage.ts'
import { OperatorDayPage, OperatorHomePage, OperatorTaskPage } from '../pages/OperatorPages.ts'
import { expectNoSeriousA11yViolations } from '../support/axe.ts'

// A cheap Android phone. The demo's generated logs end yesterday, so today starts empty. The
// demo sells all its recyclables every Saturday, so the story sorts the plastic it sells: on a
// Sunday the stock it starts from is nothing.
test.use({ viewport: { width: 360, height: 740 } })

test('the Jalibar Berseri operator records a day on a phone and sees it summed up', async ({ page }) => {
  const login = new LoginPage(page)
  await login.goto()
  await login.signIn('operator.jalibar')
  const home = new OperatorHomePage(page)
  await expect(page).toHaveURL(/\/c\/kota-batu/)
  // The way an operator finds it: the workspace lists what their roles allow, as the menu does.
  await expect(page.getByRole('heading', { level: 1, name: /Kota Batu/ })).toBeVisible()
  await page.getByRole('main').getByRole('link', { name: 'Catatan harian TPS 3R', exact: true }).click()
  await home.verifyOnPage('TPS3R Jalibar Berseri')
  await expectNoSeriousA11yViolations(page, 'operator home')
  const task = new OperatorTaskPage(page)

  await test.step('waste in: from Oro-oro Ombo households, 120 kg', async () => {
    await home.openTask('Sampah masuk')
    await expect(page.getByLabel('Dari desa/kelurahan mana?')).toHaveValue('35.79.01.2006')
    await task.choose(/^Rumah tangga/)
    await expectNoSeriousA11yViolations(page, 'intake, source')
    await task.continue()
    await task.weigh('120')
    await expectNoSeriousA11yViolations(page, 'intake, weight')
    await task.save()
    await task.expectSaved('120 kg sampah campuran dari Oro-oro Ombo (rumah tangga).')
    await expectNoSeriousA11yViolations(page, 'intake, saved')
    await task.backToMenu()
  })

  await test.step('sorted: 60,5 kg food waste, 20 kg plastic, then 25 kg residue', async () => {
    await home.openTask('Hasil pilah')
    await task.choose(/^Sisa makanan/)
    await expectNoSeriousA11yViolations(page, 'sorting, material')
    await task.continue()
    await task.weigh('60,5')
    await task.save()
    await task.expectSaved('60,5 kg sisa makanan hasil pilah.')
    await task.recordAgain()
    await task.choose(/^Plastik/)
    await task.continue()
    await task.weigh('20')
    await task.save()
    await task.expectSaved('20 kg plastik hasil pilah.')
    await task.recordAgain()
    await task.choose(/^Residu dan lainnya/)
    await task.continue()
    await task.weigh('25')
    await task.save()
    await task.expectSaved('25 kg residu dan lainnya hasil pilah.')
    await task.backToMenu()
  })

  await test.step('compost: 40 kg of the food waste', async () => {
    await home.openTask('Kompos/maggot')
    await task.choose('Kompos')
    await expectNoSeriousA11yViolations(page, 'compost, outcome')
    await task.continue()
    await task.weigh('40')
    await task.save()
    await task.expectSaved('40 kg sisa makanan dikomposkan.')
    await task.backToMenu()
  })

  await test.step('sale: 20 kg PET at Rp3.500/kg, and the revenue shown', async () => {
    await home.openTask('Penjualan')
    await task.choose(/^Plastik/)
    await task.continue()
    await page.getByLabel('Jenis rinci').selectOption('pet')
    await task.weigh('20')
    await page.getByLabel('Harga per kg').fill('3.500')
    await page.getByLabel('Nama pembeli').fill('Pengepul Pak Slamet')
    await expectNoSeriousA11yViolations(page, 'sale, details')
    await task.save()
    await task.expectSaved(
      '20 kg pet (botol minuman) dijual kepada Pengepul Pak Slamet.',
      'Pendapatan: Rp70.000',
    )
    await expectNoSeriousA11yViolations(page, 'sale, saved')
    await task.backToMenu()
  })

  await test.step('residue to TPA Tlekung: too much is refused in plain words, then 25 kg', async () => {
    await home.openTask('Residu ke TPA')
    await expect(page.getByRole('radio', { name: 'TPA Tlekung' })).toBeChecked()
    await task.continue()
    await task.weigh('30')
    await task.save()
    await expect(task.errorSummary).toContainText('hanya 25 kg; Anda mencatat 30 kg (kurang 5 kg)')
    await expect(task.weightField()).toHaveAttribute('aria-invalid', 'true')
    await expectNoSeriousA11yViolations(page, 'residue, refused')
    await task.weigh('25')
    await task.save()
    await task.expectSaved('25 kg residu dibawa ke TPA Tlekung.')
    await task.backToMenu()
  })

  await test.step("today's summary", async () => {
    await home.openTask('Ringkasan hari ini')
    const day = new OperatorDayPage(page)
    await day.verifyOnPage()
    await day.expectFigure('Masuk', '120 kg')
    await day.expectFigure('Dipilah', '105,5 kg')
    await day.expectFigure('Keluar', '85 kg')
    await day.expectFigure('Penjualan', 'Rp70.000')
    await expect(day.entries).toHaveCount(7)
    await expectNoSeriousA11yViolations(page, 'day summary')
  })
})
