import { expect, test } from '@playwright/test'
import {
  BankHomePage,
  DepositPage,
  NasabahPage,
  ReceiptPage,
  RegisterNasabahPage,
} from '../pages/BankSampahPages.ts'
import { LoginPage } from '../pages/LoginPage.ts'
import { expectNoSeriousA11yViolations } from '../support/axe.ts'

// The teller's counter is a cheap Android phone. Demo prices from 1 January 2026: PET Rp3.500,
// kardus Rp1.100, kertas HVS Rp1.700 per kg.
test.use({ viewport: { width: 360, height: 740 } })

test('the Oro-oro Ombo teller registers a nasabah, takes a deposit of three materials and prints the receipt', async ({
  page,
  browser,
}) => {
  // A whole morning at the counter, with an accessibility check on every page: longer than the default.
  test.setTimeout(120_000)
  const login = new LoginPage(page)
  await login.goto()
  await login.signIn('teller.oroombo')
  await expect(page.getByRole('heading', { level: 1, name: /Kota Batu/ })).toBeVisible()
  await page.getByRole('main').getByRole('link', { name: 'Bank sampah', exact: true }).click()

  // A teller of one bank goes straight to it.
  const home = new BankHomePage(page)
  await home.verifyOnPage('Bank Sampah Unit Oro-oro Ombo (contoh)')
  await expect(page.getByRole('link', { name: /Sri Wahyuni/ })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'bank home')

  const nasabah = new NasabahPage(page)
  let memberNumber = ''
  await test.step('register: a wrong NIK is refused next to the field, then saved', async () => {
    await home.register()
    const form = new RegisterNasabahPage(page)
    await form.fill({
      kind: 'Perorangan',
      name: 'Bu Ratna Dewi',
      nik: '35790112',
      phone: '081234567890',
      rt: '4',
      rw: '5',
    })
    await expectNoSeriousA11yViolations(page, 'register nasabah')
    await form.submit()
    await expect(form.errorSummary).toBeVisible()
    await expect(form.nik()).toHaveAttribute('aria-invalid', 'true')
    await expectNoSeriousA11yViolations(page, 'register nasabah, refused')
    await form.nik().fill('3579014506780001')
    await form.submit()
    await nasabah.verifyOnPage('Bu Ratna Dewi')
    const registered = page.getByRole('status').filter({ hasText: 'Nasabah terdaftar' })
    await expect(registered).toContainText(/Nomor anggota: NS-\d{6}/)
    memberNumber = /NS-\d{6}/.exec((await registered.textContent()) ?? '')?.[0] ?? ''
    await expect(nasabah.balance).toHaveText('Rp0')
    await expectNoSeriousA11yViolations(page, 'nasabah, new')
  })

  await test.step('deposit: three lines, each priced before saving; a double tap saves one deposit', async () => {
    await nasabah.open('Setor sampah')
    const deposit = new DepositPage(page)
    await deposit.line(1, 'PET (botol minuman)', '2,5')
    await expect(deposit.lineGroup(1)).toContainText('Harga Rp3.500/kg · Jumlah Rp8.750')
    await deposit.line(2, 'Kardus', '4')
    await expect(deposit.lineGroup(2)).toContainText('Jumlah Rp4.400')
    await deposit.line(3, 'Kertas HVS', '1,2')
    await expect(deposit.lineGroup(3)).toContainText('Jumlah Rp2.040')
    await expect(deposit.total).toHaveText('Rp15.190')
    await expectNoSeriousA11yViolations(page, 'deposit form')
    await deposit.saveButton().dblclick()
  })

  await test.step('receipt: the three lines and the total, printed', async () => {
    const receipt = new ReceiptPage(page)
    await receipt.verifyOnPage()
    await expect(receipt.lines).toHaveCount(3)
    await expect(receipt.lines.nth(0)).toContainText('PET (botol minuman)')
    await expect(receipt.lines.nth(0)).toContainText('2,5 kg × Rp3.500/kg')
    await expect(receipt.lines.nth(0)).toContainText('Rp8.750')
    await expect(receipt.lines.nth(1)).toContainText('Kardus')
    await expect(receipt.lines.nth(2)).toContainText('Kertas HVS')
    await expect(receipt.total).toHaveText('Rp15.190')
    await expect(receipt.receipt).toContainText(`Bu Ratna Dewi (${memberNumber})`)
    await expect(receipt.receipt).toContainText('Total (7,7 kg)')
    await expectNoSeriousA11yViolations(page, 'receipt')
    await receipt.stubPrint()
    expect(await receipt.print()).toBe(1)
    // On paper: the struk only, without the app's header.
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByRole('banner')).toBeHidden()
    await expect(receipt.receipt).toBeVisible()
    await expect(page.getByRole('button', { name: 'Cetak struk' })).toBeHidden()
    await page.emulateMedia({ media: 'screen' })
  })

  await test.step('the balance holds one deposit, and the teller finds the nasabah by number', async () => {
    await page.getByRole('link', { name: 'Kembali ke nasabah', exact: true }).click()
    await nasabah.verifyOnPage('Bu Ratna Dewi')
    await expect(nasabah.balance).toHaveText('Rp15.190')
    await page.getByRole('link', { name: 'Kembali ke daftar nasabah', exact: true }).click()
    await home.openByNumber(memberNumber.replace('NS-', 'ns'))
    await nasabah.verifyOnPage('Bu Ratna Dewi')
  })

  await test.step('withdrawal: more than the balance is refused plainly, then Rp5.000 in cash', async () => {
    await nasabah.open('Tarik tabungan')
    const amount = page.getByLabel('Jumlah penarikan')
    await amount.fill('20.000')
    await page.getByRole('button', { name: 'Bayarkan', exact: true }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'Ada masalah' })).toContainText(
      'Melebihi saldo: saldo nasabah Rp15.190.',
    )
    await expect(amount).toHaveAttribute('aria-invalid', 'true')
    await expectNoSeriousA11yViolations(page, 'withdrawal, refused')
    await amount.fill('5.000')
    await page.getByRole('button', { name: 'Bayarkan', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Penarikan tercatat' })).toContainText(
      'Dibayarkan Rp5.000. Sisa saldo Rp10.190.',
    )
    await page.getByRole('link', { name: 'Kembali ke nasabah', exact: true }).first().click()
    await expect(nasabah.balance).toHaveText('Rp10.190')
  })

  await test.step('passbook and member card', async () => {
    await nasabah.open('Buku tabungan')
    const rows = page.getByRole('table', { name: 'Buku tabungan' }).getByRole('row')
    await expect(rows).toHaveCount(3)
    await expect(rows.nth(1)).toContainText('Setoran sampah')
    await expect(rows.nth(2)).toContainText('Penarikan')
    await expect(rows.nth(2)).toContainText('Rp10.190')
    await expectNoSeriousA11yViolations(page, 'passbook')
    await page.getByRole('link', { name: 'Kembali ke nasabah', exact: true }).click()
    await nasabah.open('Kartu anggota')
    await expect(page.getByTestId('card-number')).toHaveText(memberNumber)
    await expect(page.getByRole('img', { name: `Kode QR nomor anggota ${memberNumber}` })).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'member card')
    await page.getByRole('link', { name: 'Kembali ke nasabah', exact: true }).click()
  })

  await test.step('self-service PIN: a guessable one is refused, then saved', async () => {
    await nasabah.open('PIN layanan mandiri')
    await page.getByLabel('PIN baru').fill('123456')
    await page.getByLabel('Ketik PIN sekali lagi').fill('123456')
    await page.getByRole('button', { name: 'Simpan PIN', exact: true }).click()
    await expect(page.getByLabel('PIN baru')).toHaveAttribute('aria-invalid', 'true')
    await page.getByLabel('PIN baru').fill('270419')
    await page.getByLabel('Ketik PIN sekali lagi').fill('270419')
    await page.getByRole('button', { name: 'Simpan PIN', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: 'PIN tersimpan' })).toContainText(memberNumber)
    await expectNoSeriousA11yViolations(page, 'pin saved')
  })

  await test.step('the nasabah signs in on their own phone with number and PIN and sees the balance', async () => {
    // A fresh browser profile: no staff session, as on the nasabah's own phone.
    const phone = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' })
    const own = await phone.newPage()
    await own.goto('/nasabah/kota-batu')
    await own.getByLabel('Nomor anggota').fill(memberNumber)
    await own.getByLabel('PIN').fill('111111')
    await own.getByRole('button', { name: 'Lihat tabungan', exact: true }).click()
    await expect(own.getByRole('alert')).toBeVisible()
    await expect(own.getByTestId('balance')).toHaveCount(0)
    await own.getByLabel('PIN').fill('270419')
    await own.getByRole('button', { name: 'Lihat tabungan', exact: true }).click()
    await expect(own.getByTestId('balance')).toHaveText('Rp10.190')
    await expect(own.getByText(memberNumber)).toBeVisible()
    await expectNoSeriousA11yViolations(own, 'nasabah self-service')
    await phone.close()
  })
})

test("the teller reads the price list, the month's report and the sale form", async ({ page }) => {
  const login = new LoginPage(page)
  await login.goto('/c/kota-batu/bank-sampah')
  await login.signIn('teller.oroombo')
  const home = new BankHomePage(page)
  await home.verifyOnPage('Bank Sampah Unit Oro-oro Ombo (contoh)')
  await page.getByRole('link', { name: 'Daftar harga', exact: true }).click()
  const current = page.getByRole('table', { name: 'Harga yang berlaku hari ini' })
  await expect(current.getByRole('row', { name: /PET \(botol minuman\) Rp3\.500/ })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Simpan harga' })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'prices')

  await page.getByRole('link', { name: 'Kembali ke menu bank', exact: true }).click()
  await page.getByRole('link', { name: 'Laporan bulanan', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Laporan bulanan' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Unduh Excel (.xlsx)' })).toHaveAttribute(
    'href',
    /\/reports\/\d{4}-\d{2}\/xlsx$/,
  )
  await expect(page.getByRole('heading', { level: 2, name: 'Setoran per jenis sampah' })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'month report')

  await page.getByRole('link', { name: 'Kembali ke menu bank', exact: true }).click()
  await page.getByRole('link', { name: 'Jual ke pengepul', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Jual ke pengepul' })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'sale form')
})
