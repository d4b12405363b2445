import { expect, test } from '@playwright/test'
import { BankHomePage, DepositPage, NasabahPage, ReceiptPage } from '../pages/BankSampahPages.ts'
import { LoginPage } from '../pages/LoginPage.ts'
import { expectNoSeriousA11yViolations } from '../support/axe.ts'

// The counter's phone: a reload, or the nasabah coming back for a copy, must not lose the struk.
test.use({ viewport: { width: 360, height: 740 } })

test('the teller reloads the receipt page and reprints the struk from the passbook', async ({ page }) => {
  test.setTimeout(90_000)
  const login = new LoginPage(page)
  await login.goto('/c/kota-batu/bank-sampah')
  await login.signIn('teller.oroombo')
  const home = new BankHomePage(page)
  await home.verifyOnPage('Bank Sampah Unit Oro-oro Ombo (contoh)')
  await page.getByRole('link', { name: /Sri Wahyuni/ }).click()
  const nasabah = new NasabahPage(page)
  await nasabah.verifyOnPage('Sri Wahyuni (contoh)')

  await nasabah.open('Setor sampah')
  const deposit = new DepositPage(page)
  // The form appears once the prices have loaded; before that there is no first line to fill.
  await expect(page.getByLabel('Jenis sampah ke-1')).toBeVisible()
  await deposit.line(1, 'PET (botol minuman)', '3')
  await expect(deposit.total).toHaveText('Rp10.500')
  await deposit.saveButton().click()

  const receipt = new ReceiptPage(page)
  await receipt.verifyOnPage()
  await expect(page.getByRole('status').filter({ hasText: 'Setoran tersimpan' })).toBeVisible()
  await expect(receipt.total).toHaveText('Rp10.500')
  await expect(receipt.receipt).toContainText(/Dicatat: \d{1,2} \w{3} \d{4}, \d{2}\.\d{2} WIB/)
  await expect(receipt.receipt).toContainText(/Petugas: \S+/)
  // The whole struk as printed, once the balance below the lines has loaded.
  const struk = async () => {
    await expect(receipt.receipt).toContainText('Saldo sekarang')
    return receipt.receipt.textContent()
  }
  const atTheCounter = await struk()
  const receiptUrl = page.url()

  await test.step('a reload shows the same struk, read back from the server', async () => {
    await page.reload()
    await receipt.verifyOnPage()
    await expect(receipt.total).toHaveText('Rp10.500')
    expect(await struk()).toBe(atTheCounter)
    await expectNoSeriousA11yViolations(page, 'receipt, reloaded')
  })

  await test.step('the passbook row of the deposit opens the same struk, which prints', async () => {
    await page.getByRole('link', { name: 'Kembali ke nasabah', exact: true }).click()
    await nasabah.open('Buku tabungan')
    const rows = page.getByRole('table', { name: 'Buku tabungan' }).getByRole('row')
    await rows
      .last()
      .getByRole('link', { name: /Setoran sampah/ })
      .click()
    await expect(page).toHaveURL(receiptUrl)
    await receipt.verifyOnPage()
    expect(await struk()).toBe(atTheCounter)
    // The "saved" notice belongs to the moment of saving, not to a reprint.
    await expect(page.getByRole('status').filter({ hasText: 'Setoran tersimpan' })).toHaveCount(0)
    await receipt.stubPrint()
    expect(await receipt.print()).toBe(1)
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByRole('banner')).toBeHidden()
    await expect(receipt.receipt).toBeVisible()
    await page.emulateMedia({ media: 'screen' })
  })

  await test.step('a reversed deposit says so on its struk', async () => {
    await page.getByRole('link', { name: 'Kembali ke nasabah', exact: true }).click()
    const recent = page.getByRole('table', { name: 'Transaksi terakhir' })
    await recent
      .getByRole('row')
      .nth(1)
      .getByRole('link', { name: /^Batalkan/ })
      .click()
    await page.getByLabel('Alasan pembatalan').fill('salah timbang')
    await page.getByRole('button', { name: 'Batalkan transaksi ini', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Transaksi dibatalkan' })).toBeVisible()
    await page.goto(receiptUrl)
    await expect(page.getByTestId('receipt-reversed')).toContainText('DIBATALKAN')
    await expectNoSeriousA11yViolations(page, 'receipt, reversed')
  })
})
