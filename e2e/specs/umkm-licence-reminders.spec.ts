import { expect, test } from '@playwright/test'
import { LoginPage } from '../pages/LoginPage.ts'
import { WorkspaceShell } from '../pages/WorkspaceShell.ts'
import { expectNoSeriousA11yViolations } from '../support/axe.ts'

test('UMKM staff remind an owner whose licence is about to lapse, and the list remembers', async ({
  page,
}) => {
  const login = new LoginPage(page)
  await login.goto()
  await login.signIn('umkm.batu')
  await expect(page).toHaveURL(/\/c\/kota-batu/)
  await new WorkspaceShell(page).goToNavItem('Izin UMKM yang akan berakhir')
  await expect(page.getByRole('heading', { level: 1, name: 'Izin yang akan berakhir' })).toBeVisible()
  // The demo's P-IRTs fall due week after week: a year's window always holds some.
  await page.getByLabel('Berakhir dalam').selectOption({ label: '365 hari' })
  const onlyNotReminded = page.getByRole('checkbox', { name: 'Hanya yang belum diingatkan' })
  // The filters live in the address: the box shows checked once the page has navigated.
  await onlyNotReminded.click()
  await expect(onlyNotReminded).toBeChecked()
  const rows = page.locator('tbody tr')
  const first = rows.first()
  await expect(first).toContainText('Belum diingatkan untuk tanggal berakhir ini.')
  const business = ((await first.locator('td').first().textContent()) ?? '').trim()

  await test.step('the WhatsApp chat opens with the message written, to the owner’s number', async () => {
    const whatsapp = first.getByRole('link', { name: 'Kirim WhatsApp' })
    const href = (await whatsapp.getAttribute('href')) ?? ''
    expect(href).toMatch(/^https:\/\/wa\.me\/628\d{8,11}\?text=/)
    expect(decodeURIComponent(href)).toContain(`untuk usaha ${business}`)
    await expectNoSeriousA11yViolations(page, 'expiring licences with reminders')
  })

  await test.step('a call is recorded with a note, and the business leaves the not-yet-reminded list', async () => {
    await first.getByRole('button', { name: 'Catat pengingat' }).click()
    const form = first.getByRole('form', { name: 'Catat pengingat' })
    await form.getByLabel('Cara').selectOption({ label: 'Telepon' })
    await form.getByLabel('Catatan (tidak wajib)').fill('Pemilik akan memperpanjang minggu depan')
    await form.getByRole('button', { name: 'Simpan' }).click()
    await expect(rows.filter({ hasText: business })).toHaveCount(0)
    await onlyNotReminded.click()
    await expect(onlyNotReminded).not.toBeChecked()
    const reminded = rows.filter({ hasText: business }).first()
    await expect(reminded).toContainText(/Telepon, .+, oleh Staf/)
  })
})
