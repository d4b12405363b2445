import { expect, type Locator, type Page, test } from '@playwright/test'
import { LoginPage } from '../pages/LoginPage.ts'
import { expectNoSeriousA11yViolations } from '../support/axe.ts'
import { batuYear } from '../support/city-time.ts'

// Batu's demo: the waste ledger of the last 365 days (published to the indicators by DLH staff
// here) and UMKM indicators the seed computed for 2023 and 2025.

/** /c/:city/indicators: every indicator of a year, grouped by module. */
class IndicatorsPage {
  readonly heading: Locator
  readonly year: Locator

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Indikator kota' })
    this.year = page.getByLabel('Tahun', { exact: true })
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Indikator kota' })
      .click()
    await expect(this.heading).toBeVisible()
  }

  /** The card of one indicator, found by its name (a section labelled by its heading). */
  card(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true })
  }

  /** The value under "Tahun 2026" in a card. */
  yearValue(card: Locator, year: number): Locator {
    return card
      .locator('div')
      .filter({ has: this.page.getByText(`Tahun ${year}`, { exact: true }) })
      .last()
  }
}

test('DLH staff publish the waste balance and read it with UMKM figures on the city indicators page', async ({
  page,
  browser,
}) => {
  const year = batuYear()
  const login = new LoginPage(page)
  await login.goto()
  await login.signIn('dlh.batu')
  await expect(page).toHaveURL(/\/c\/kota-batu/)

  await test.step('the waste balance of this year is published to the indicators', async () => {
    await page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Neraca sampah' })
      .click()
    await page.getByRole('button', { name: `Terbitkan ke indikator ${year}` }).click()
    await expect(page.getByText(/indikator diterbitkan untuk/)).toBeVisible()
  })

  const indicators = new IndicatorsPage(page)
  await test.step('this year: the waste figures, computed, with their source; no one can type a value', async () => {
    await indicators.open()
    await expect(indicators.year).toHaveValue(String(year))
    await expect(page.getByRole('heading', { level: 2, name: 'Neraca sampah' })).toBeVisible()
    const daily = indicators.card('Timbulan sampah harian')
    await expect(indicators.yearValue(daily, year)).toContainText(/[\d.,]+ ton\/hari/)
    await expect(indicators.yearValue(daily, year)).toContainText('Dihitung')
    await expect(daily).toContainText('Sumber: Dihitung dari buku besar aliran sampah')
    await expect(daily).toContainText('Permen LHK 6/2022')
    // A year without a UMKM computation shows a dash, never 0.
    await expect(indicators.yearValue(indicators.card('Jumlah usaha mikro'), year)).toHaveText(
      `Tahun ${year}—Belum ada nilai`,
    )
    await expect(page.getByRole('button', { name: /^Masukkan nilai/ })).toHaveCount(0)
    await expectNoSeriousA11yViolations(page, 'city indicators')
  })

  await test.step('2025: the UMKM figures the registry computed', async () => {
    await indicators.year.selectOption('2025')
    await expect(page).toHaveURL(/year=2025/)
    await expect(page.getByRole('heading', { level: 2, name: 'UMKM' })).toBeVisible()
    const micro = indicators.card('Jumlah usaha mikro')
    await expect(indicators.yearValue(micro, 2025)).toContainText(/\d+ usaha/)
    await expect(indicators.yearValue(micro, 2025)).toContainText('Dihitung')
  })

  await test.step('the city admin enters the population by hand; a too-short source is refused next to the field', async () => {
    const admin = await browser.newPage({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' })
    const adminLogin = new LoginPage(admin)
    await adminLogin.goto()
    await adminLogin.signIn('admin.batu')
    await expect(admin).toHaveURL(/\/c\/kota-batu/)
    const adminIndicators = new IndicatorsPage(admin)
    await adminIndicators.open()
    const population = adminIndicators.card('Jumlah penduduk')
    await expect(adminIndicators.yearValue(population, year)).toHaveText(`Tahun ${year}—Belum ada nilai`)
    await population.getByRole('button', { name: 'Masukkan nilai: Jumlah penduduk' }).click()
    await population.getByLabel('Nilai (jiwa)').fill('215.000')
    await population.getByLabel('Sumber data').fill('BP')
    await population.getByRole('button', { name: 'Simpan nilai' }).click()
    await expect(population.getByLabel('Sumber data')).toHaveAttribute('aria-invalid', 'true')
    await expectNoSeriousA11yViolations(admin, 'indicator value form with an error')
    await population.getByLabel('Sumber data').fill('BPS, Kota Batu Dalam Angka')
    await population.getByRole('button', { name: 'Simpan nilai' }).click()
    await expect(adminIndicators.yearValue(population, year)).toContainText('215.000 jiwa')
    await expect(adminIndicators.yearValue(population, year)).toContainText('Dimasukkan manual')

    // A kecamatan figure (the API takes one; the page enters city values): a table per kecamatan.
    const me = await (await admin.request.get('/api/v1/auth/me')).json()
    const put = await admin.request.put(`/api/v1/cities/35.79/indicators/population/values/${year}`, {
      headers: { 'X-CSRF-Token': me.csrfToken, 'Idempotency-Key': `e2e-junrejo-${Date.now()}` },
      data: { value: 62_000, sourceNote: 'BPS, Kecamatan Junrejo Dalam Angka', districtCode: '35.79.03' },
    })
    expect(put.status()).toBe(200)
    await admin.reload()
    await population.getByRole('button', { name: 'Per kecamatan (1 kecamatan)' }).click()
    const table = population.getByRole('table', { name: `Jumlah penduduk per kecamatan, ${year}` })
    await expect(table.getByRole('row', { name: /Junrejo/ })).toContainText('62.000 jiwa')
    await expectNoSeriousA11yViolations(admin, 'indicator values per kecamatan')
    await admin.close()
  })
})
