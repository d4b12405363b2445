import { expect, test } from '@playwright/test'
import { LoginPage } from '../pages/LoginPage.ts'
import { UmkmBusinessesPage, UmkmBusinessFormPage, UmkmBusinessPage } from '../pages/UmkmPages.ts'
import { WorkspaceShell } from '../pages/WorkspaceShell.ts'
import { expectNoSeriousA11yViolations } from '../support/axe.ts'

test('UMKM staff register a business, correct a bad NIB, and find it in the registry', async ({ page }) => {
  const login = new LoginPage(page)
  await login.goto()
  await login.signIn('umkm.batu')
  await expect(page).toHaveURL(/\/c\/kota-batu/)
  await new WorkspaceShell(page).goToNavItem('Data UMKM')
  const list = new UmkmBusinessesPage(page)
  await list.verifyOnPage()
  // The showcase's 40 less the one closed sample business: the list shows those in operation.
  await expect(page.getByRole('status').filter({ hasText: '39 usaha' })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'UMKM list')

  await list.startRegistering()
  const form = new UmkmBusinessFormPage(page)
  await form.verifyOnPage()
  const business = {
    name: 'Keripik Kentang Mbak Ayu',
    kbliCode: '10794',
    nib: '91200012345',
    ownerName: 'Ayu Lestari',
    products: 'Keripik kentang dan apel',
    startedYear: '2019',
    startedMonth: 'Maret',
  }

  await test.step('a 11-digit NIB is refused next to the field, in Indonesian', async () => {
    await form.fill(business)
    await expect(page.getByText('Kategori C: Industri Pengolahan')).toBeVisible()
    await form.submit()
    await form.expectFieldError(form.nib, /NIB harus tepat 13 angka/)
    await expectNoSeriousA11yViolations(page, 'UMKM form, NIB refused')
  })

  await test.step('with 13 digits it is saved', async () => {
    await form.nib.fill('9120001234567')
    await form.submit()
    const detail = new UmkmBusinessPage(page)
    await detail.verifyOnPage(business.name)
    await detail.expectConfirmation(`${business.name} didaftarkan.`)
    await expect(page.getByText('Maret 2019')).toBeVisible()
    await expect(page.getByText('Belum ada angka usaha, jadi skala belum bisa diturunkan.')).toBeVisible()
    await detail.addLicence({ kind: 'P-IRT', number: '2063579010099-26', expiresOn: '2031-11-27' })
    await expect(page.getByRole('cell', { name: '2063579010099-26', exact: true })).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'UMKM business page')
  })

  await test.step('dated figures derive the scale, and a capital past Rp1 miliar shows naik kelas', async () => {
    const detail = new UmkmBusinessPage(page)
    await detail.recordFigures({ asOf: '2025-06-30', capital: '150.000.000', source: 'Pendataan 2025' })
    await expect(page.getByText('Modal usaha Rp150.000.000 → Mikro')).toBeVisible()
    await detail.recordFigures({ capital: '1.200.000.000', sales: '2.500.000.000', source: 'Pendataan 2026' })
    await expect(page.getByText(/^Mikro → Kecil per /).first()).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'UMKM business page, naik kelas')
    await detail.backToList()
  })

  await test.step('the registry finds it by name', async () => {
    await list.verifyOnPage()
    await list.search('Kentang Mbak')
    await expect(page.getByRole('status').filter({ hasText: '1 usaha' })).toBeVisible()
    await expect(list.result(business.name)).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'UMKM list, searched')
  })

  await test.step('a closed business leaves the list in operation, says since when, and reopens', async () => {
    await list.result(business.name).click()
    const detail = new UmkmBusinessPage(page)
    await detail.verifyOnPage(business.name)
    await detail.close({ reason: 'Pemilik pindah ke luar kota' })
    await expect(page.getByText(/^Tutup sejak \d+ \S+ \d{4}$/)).toBeVisible()
    await expect(page.getByText('Alasan: Pemilik pindah ke luar kota')).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'UMKM business page, closed')
    await detail.backToList()
    await list.search('Kentang Mbak')
    await expect(page.getByRole('status').filter({ hasText: '0 usaha' })).toBeVisible()
    await list.filterStatus('Tutup')
    await expect(list.result(business.name)).toBeVisible()
    await list.result(business.name).click()
    await detail.reopen()
  })
})
