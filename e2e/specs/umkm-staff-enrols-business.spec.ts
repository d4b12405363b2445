import { expect, test } from '@playwright/test'
import { LoginPage } from '../pages/LoginPage.ts'
import { UmkmProgrammeFormPage, UmkmProgrammePage, UmkmProgrammesPage } from '../pages/UmkmPages.ts'
import { WorkspaceShell } from '../pages/WorkspaceShell.ts'
import { expectNoSeriousA11yViolations } from '../support/axe.ts'

// Demo businesses (server/umkm.sample-data.ts): serial 0001 has an NIB and is micro; 0002 has no
// NIB. The spec registers no business, so the registry's count stays as umkm.spec.ts expects.
const WITH_NIB = /^Keripik Apel \w+ 0001$/
const WITHOUT_NIB = /^Sari Apel \w+ 0002$/

test('UMKM staff create a coaching programme and enrol an eligible business', async ({ page }) => {
  const login = new LoginPage(page)
  await login.goto()
  await login.signIn('umkm.batu')
  await expect(page).toHaveURL(/\/c\/kota-batu/)
  await new WorkspaceShell(page).goToNavItem('Program pembinaan UMKM')
  const list = new UmkmProgrammesPage(page)
  await list.verifyOnPage()

  await test.step('the sample programme is listed with its places taken', async () => {
    await expect(list.row('Fasilitasi sertifikasi halal 2026 (contoh)')).toContainText('5 / 25')
    await expectNoSeriousA11yViolations(page, 'coaching programmes')
  })

  const programme = {
    kind: 'Pelatihan',
    name: 'Pelatihan pemasaran daring 2026',
    agency: 'Diskumindag Kota Batu',
    funding: 'APBD',
    startsOn: '2026-12-10',
    endsOn: '2026-12-01',
    quota: '10',
    requiresNib: true,
    scales: ['Mikro'],
  }
  const form = new UmkmProgrammeFormPage(page)

  await test.step('an end date before the start is refused next to the field', async () => {
    await list.startNew()
    await form.verifyOnPage()
    await form.fill(programme)
    await form.submit()
    await form.expectFieldError(form.endsOn, 'Tanggal selesai tidak boleh sebelum tanggal mulai.')
    await expectNoSeriousA11yViolations(page, 'programme form, dates refused')
  })

  const detail = new UmkmProgrammePage(page)
  await test.step('with the dates right it is created', async () => {
    await form.endsOn.fill('2026-12-20')
    await form.submit()
    await detail.verifyOnPage(programme.name)
    await detail.expectConfirmation(`Program ${programme.name} dibuat.`)
    await expect(page.getByText('Belum ada peserta.')).toBeVisible()
  })

  await test.step('a business without an NIB is refused, with the reason in Indonesian', async () => {
    await detail.enrol('0002', /^Daftarkan Sari Apel \w+ 0002 ke program$/)
    await detail.expectRefusal('Program ini mensyaratkan NIB; usaha ini belum memiliki NIB.')
    await expectNoSeriousA11yViolations(page, 'programme, enrolment refused')
  })

  await test.step('a micro business with an NIB is enrolled and shown among the participants', async () => {
    await detail.enrol('0001', /^Daftarkan Keripik Apel \w+ 0001 ke program$/)
    await detail.expectConfirmation(/didaftarkan sebagai peserta/)
    await expect(detail.participant(WITH_NIB)).toBeVisible()
    await expect(detail.participant(WITHOUT_NIB)).toHaveCount(0)
    await expect(page.getByText('1 / 10')).toBeVisible()
  })

  await test.step('enrolling it twice is refused', async () => {
    await detail.enrol('0001', /^Daftarkan Keripik Apel \w+ 0001 ke program$/)
    await detail.expectRefusal(/sudah terdaftar di program ini/)
  })

  await test.step('a session with its attendance gives the participant 100 %', async () => {
    await detail.recordSession({
      heldOn: '2026-12-10',
      topic: 'Foto produk dengan ponsel',
      present: [WITH_NIB],
    })
    await expect(page.getByRole('cell', { name: 'Foto produk dengan ponsel' })).toBeVisible()
    await expect(detail.participant(WITH_NIB)).toContainText('100%')
    await expectNoSeriousA11yViolations(page, 'programme with a participant and a session')
  })

  await test.step('the programme is edited: a quota below its participants is refused, a later end is kept', async () => {
    await page.getByRole('link', { name: 'Ubah program' }).click()
    await expect(page.getByRole('heading', { level: 1, name: `Ubah ${programme.name}` })).toBeVisible()
    const quota = page.getByRole('textbox', { name: 'Kuota peserta' })
    await quota.fill('0')
    await page.getByRole('button', { name: 'Simpan perubahan' }).click()
    await expect(quota).toHaveAttribute('aria-invalid', 'true')
    await quota.fill('12')
    await form.endsOn.fill('2026-12-31')
    await page.getByRole('button', { name: 'Simpan perubahan' }).click()
    await detail.expectConfirmation(`Perubahan pada program ${programme.name} disimpan.`)
    await expect(page.getByText('1 / 12')).toBeVisible()
    await expect(detail.participant(WITH_NIB)).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'programme after an edit')
  })
})
