import { type Browser, expect, type Locator, type Page, test } from '@playwright/test'
import { LoginPage } from '../pages/LoginPage.ts'
import { WorkspaceHomePage } from '../pages/WorkspaceHomePage.ts'
import { WorkspaceShell } from '../pages/WorkspaceShell.ts'
import { expectNoSeriousA11yViolations } from '../support/axe.ts'
import { batuDay } from '../support/city-time.ts'

// The story of issue 7 item 8: a product is registered and curated, consigned, sold at the counter,
// and the sale shows up in the producer's monthly statement and on the public catalogue. The spec
// opens its own outlet and product (unique names), so it depends on no demo count. Its producer is a
// sample "Tempe" business: the demo centre consigns nothing of theirs (their product is graded D),
// so this month's statement holds this spec's sale only.
const stamp = Date.now().toString(36)
const OUTLET = `Gerai uji ${stamp}`
const PRODUCT = `Keripik tempe pedas ${stamp}`
const REFERENCE = `QR-E2E-${stamp}`

/** The links between the centre's pages (counter, products, statements). */
function centreLink(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Halaman gerai UMKM' }).getByRole('link', { name })
}

/** /c/:city/umkm/centre/products: the products with their grade, the product form, the outlets. */
class CentreProductsPage {
  constructor(private readonly page: Page) {}

  async verifyOnPage(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Produk gerai UMKM' })).toBeVisible()
  }

  async openOutlet(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Buka gerai baru' }).click()
    const form = this.page.getByRole('form', { name: 'Buka gerai baru' })
    await form.getByRole('textbox', { name: 'Nama gerai' }).fill(name)
    await form.getByRole('button', { name: 'Buka gerai', exact: true }).click()
    await expect(form.getByRole('status')).toHaveText(`Gerai ${name} dibuka.`)
  }

  /** Finds the producer by name, chooses the first match, and returns its name. */
  async chooseBusiness(search: string): Promise<string> {
    const control = this.page.getByRole('search', { name: 'Cari usaha pemilik produk' })
    await control.getByRole('searchbox', { name: 'Nama usaha' }).fill(search)
    await control.getByRole('button', { name: 'Cari' }).click()
    const choose = this.page
      .getByRole('list', { name: 'Hasil pencarian usaha' })
      .getByRole('button', { name: new RegExp(`^Pilih .*${search}`) })
      .first()
    const label = (await choose.getAttribute('aria-label')) ?? ''
    await choose.click()
    return label.replace(/^Pilih /, '')
  }

  async registerProduct(values: { name: string; unit: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Daftarkan produk' })
    await form.getByRole('textbox', { name: 'Nama produk' }).fill(values.name)
    await form.getByRole('textbox', { name: 'Satuan' }).fill(values.unit)
    await form.getByRole('button', { name: 'Daftarkan produk' }).click()
  }
}

/** /c/:city/umkm/centre/products/:id: the product, its curations and the curation form. */
class CentreProductPage {
  readonly form: Locator

  constructor(private readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Nilai kurasi' })
  }

  async verifyOnPage(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible()
  }

  async startCuration(): Promise<void> {
    await this.page.getByRole('button', { name: 'Nilai kurasi' }).click()
    await expect(this.form).toBeVisible()
  }

  async score(criterion: string, score: 1 | 2 | 3 | 4): Promise<void> {
    await this.form
      .getByRole('radiogroup', { name: criterion })
      .getByRole('radio', { name: new RegExp(`^${score} `) })
      .check()
  }

  preview(): Locator {
    return this.form.getByTestId('curation-preview')
  }
}

/** /c/:city/umkm/centre: the clerk's counter. */
class CentreCounterPage {
  constructor(private readonly page: Page) {}

  async verifyOnPage(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Kasir gerai UMKM' })).toBeVisible()
  }

  async chooseOutlet(name: string): Promise<void> {
    await this.page.getByLabel('Gerai', { exact: true }).selectOption({ label: name })
  }

  async takeIn(values: { product: string; quantity: string; price: string; expiresOn: string }) {
    await this.page.getByRole('button', { name: 'Terima titipan' }).click()
    const form = this.page.getByRole('form', { name: 'Terima titipan' })
    await form.getByRole('combobox', { name: 'Produk' }).selectOption({ label: values.product })
    await form.getByRole('textbox', { name: 'Jumlah' }).fill(values.quantity)
    await form.getByRole('textbox', { name: 'Harga jual per satuan' }).fill(values.price)
    await form.getByLabel('Tanggal kedaluwarsa').fill(values.expiresOn)
    await form.getByRole('button', { name: 'Simpan titipan' }).click()
    return form
  }

  shelfItem(product: string): Locator {
    return this.page.getByTestId('shelf-item').filter({ hasText: product })
  }

  async addToCart(product: string): Promise<void> {
    await this.page.getByRole('button', { name: `Tambah ${product} ke keranjang` }).click()
  }

  get cart(): Locator {
    return this.page.getByRole('form', { name: 'Keranjang' })
  }

  get recordButton(): Locator {
    return this.cart.getByRole('button', { name: 'Catat penjualan' })
  }

  get receipt(): Locator {
    return this.page.getByRole('region', { name: 'Struk penjualan' })
  }

  get daySales(): Locator {
    return this.page.getByRole('table', { name: 'Penjualan hari ini' })
  }
}

/** A phone-sized browser with its own session: the clerk's counter device. */
async function clerkPhone(browser: Browser) {
  const context = await browser.newContext({
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 360, height: 780 },
  })
  return { context, page: await context.newPage() }
}

test('a consignment sale shows up in the business’s monthly settlement and on the public catalogue', async ({
  page,
  browser,
}) => {
  // Three people and four pages in one story: more than the default minute on a shared machine.
  test.slow()
  const login = new LoginPage(page)
  await login.goto()
  await login.signIn('umkm.batu')
  await new WorkspaceHomePage(page).verifyOnPage('kota-batu', 'Kota Batu')
  await new WorkspaceShell(page).goToNavItem('Gerai UMKM')
  await new CentreCounterPage(page).verifyOnPage()
  await centreLink(page, 'Produk gerai UMKM').click()
  const products = new CentreProductsPage(page)
  await products.verifyOnPage()
  await expectNoSeriousA11yViolations(page, 'centre products')

  let business = ''
  await test.step('staff open an outlet and register a product for a producer', async () => {
    await products.openOutlet(OUTLET)
    business = await products.chooseBusiness('Tempe')
    expect(business).toMatch(/Tempe/)
    await products.registerProduct({ name: PRODUCT, unit: 'pcs' })
  })

  const product = new CentreProductPage(page)
  await test.step('the product is curated on the six criteria: total 78, grade B', async () => {
    await product.verifyOnPage(PRODUCT)
    await expect(page.getByRole('status').filter({ hasText: `Produk ${PRODUCT} didaftarkan` })).toBeVisible()
    await expect(page.getByText('Belum dikurasi')).toBeVisible()
    await product.startCuration()
    await expect(product.preview()).toContainText('Pilih skor keenam kriteria')
    await product.score('Legalitas', 3)
    await product.score('Kualitas produk', 4)
    await product.score('Kemasan', 3)
    await product.score('Kapasitas produksi', 3)
    await product.score('Daya saing harga', 4)
    await product.score('Jangkauan pasar', 3)
    // 20·2 + 25·3 + 20·2 + 15·2 + 10·3 + 10·2 = 235 of 300 points → 78 of 100 → B (70–84).
    await expect(product.preview()).toContainText('Total 78 dari 100')
    await expect(product.preview()).toContainText('Nilai B')
    await expectNoSeriousA11yViolations(page, 'curation form')
    await product.form.getByRole('button', { name: 'Simpan kurasi' }).click()
    await expect(
      page.getByRole('status').filter({ hasText: 'Kurasi tersimpan: nilai B (total 78).' }),
    ).toBeVisible()
    await expect(page.getByRole('table', { name: 'Kurasi' }).getByRole('row')).toHaveCount(2)
  })

  const clerk = await clerkPhone(browser)
  const counter = new CentreCounterPage(clerk.page)
  await test.step('the clerk, on a phone, takes in 24 at Rp25.000 expiring in 10 days', async () => {
    const clerkLogin = new LoginPage(clerk.page)
    await clerkLogin.goto()
    await clerkLogin.signIn('kasir.pojokumkm')
    // The shell (and on a phone its burger) is there once the workspace home is shown.
    await new WorkspaceHomePage(clerk.page).verifyOnPage('kota-batu', 'Kota Batu')
    await new WorkspaceShell(clerk.page).goToNavItem('Gerai UMKM')
    await counter.verifyOnPage()
    await counter.chooseOutlet(OUTLET)
    await expect(clerk.page.getByText('Rak gerai ini kosong.')).toBeVisible()
    const form = await counter.takeIn({
      product: `${PRODUCT} · ${business} (B)`,
      quantity: '24',
      price: '25.000',
      expiresOn: batuDay(10),
    })
    await expect(form.getByRole('status')).toHaveText(`Titipan diterima: 24 pcs ${PRODUCT} masuk rak.`)
    const item = counter.shelfItem(PRODUCT)
    await expect(item).toContainText('Nilai B')
    await expect(item).toContainText('Rp25.000 / pcs')
    await expect(item).toContainText('Sisa 24 pcs')
    await expect(item).toContainText('Kedaluwarsa 10 hari lagi')
    await expectNoSeriousA11yViolations(clerk.page, 'counter with stock')
  })

  await test.step('two are sold by QRIS; the reference is asked for; a double tap records once', async () => {
    await counter.addToCart(PRODUCT)
    await counter.addToCart(PRODUCT)
    await expect(counter.cart.getByRole('textbox', { name: `Jumlah ${PRODUCT}` })).toHaveValue('2')
    await expect(counter.cart.getByTestId('cart-total')).toHaveText('Rp50.000')
    await counter.cart.getByRole('radio', { name: 'QRIS' }).check()
    await counter.recordButton.click()
    const reference = counter.cart.getByRole('textbox', { name: 'Nomor referensi QRIS' })
    await expect(reference).toHaveAttribute('aria-invalid', 'true')
    await expect(counter.cart.getByRole('alert')).toContainText('Isi nomor referensi transaksi QRIS.')
    await reference.fill(REFERENCE)
    await clerk.page.screenshot({ path: '/tmp/umkm-centre-counter-phone.png', fullPage: true })
    await counter.recordButton.dblclick()
    await expect(
      clerk.page.getByRole('status').filter({ hasText: 'Penjualan tercatat: Rp50.000.' }),
    ).toBeVisible()
    await expect(counter.receipt.getByTestId('receipt-line')).toContainText(PRODUCT)
    await expect(counter.receipt.getByTestId('receipt-total')).toHaveText('Rp50.000')
    await expect(counter.receipt).toContainText(`QRIS · Ref. ${REFERENCE}`)
    await expect(clerk.page.getByRole('button', { name: 'Cetak struk' })).toBeVisible()
    await expectNoSeriousA11yViolations(clerk.page, 'receipt')
    await clerk.page.screenshot({ path: '/tmp/umkm-centre-receipt-phone.png', fullPage: true })
  })

  await test.step("today's sales show the sale once, and the till's QRIS total", async () => {
    await clerk.page.getByRole('button', { name: 'Penjualan berikutnya' }).click()
    await expect(counter.shelfItem(PRODUCT)).toContainText('Sisa 22 pcs')
    await expect(counter.daySales.getByRole('row').filter({ hasText: REFERENCE })).toHaveCount(1)
    await expect(clerk.page.getByTestId('till-qris')).toHaveText('Rp50.000')
    await expect(clerk.page.getByTestId('till-cash')).toHaveText('Rp0')
  })

  await test.step('a cash sale made in error is voided from its struk, reprinted after a reload', async () => {
    await counter.addToCart(PRODUCT)
    await counter.recordButton.click()
    await expect(
      clerk.page.getByRole('status').filter({ hasText: 'Penjualan tercatat: Rp25.000.' }),
    ).toBeVisible()
    await clerk.page.getByRole('button', { name: 'Penjualan berikutnya' }).click()
    await expect(clerk.page.getByTestId('till-cash')).toHaveText('Rp25.000')
    await clerk.page.reload()
    await counter.verifyOnPage()
    const cashSale = counter.daySales.getByRole('row').filter({ hasText: 'Tunai' })
    await cashSale.getByRole('button', { name: /^Buka struk penjualan jam/ }).click()
    await expect(counter.receipt.getByTestId('receipt-total')).toHaveText('Rp25.000')
    await expect(clerk.page.getByRole('button', { name: 'Cetak struk' })).toBeVisible()
    await clerk.page.getByRole('button', { name: 'Batalkan', exact: true }).click()
    const form = clerk.page.getByRole('form', { name: 'Batalkan penjualan' })
    await form.getByRole('button', { name: 'Batalkan penjualan ini' }).click()
    await expect(form.getByRole('alert')).toContainText('Tulis alasan pembatalan')
    await form.getByRole('textbox', { name: 'Alasan pembatalan' }).fill('Salah ketuk, pembeli batal')
    await form.getByRole('button', { name: 'Batalkan penjualan ini' }).click()
    await expect(clerk.page.getByRole('status').filter({ hasText: 'Penjualan dibatalkan' })).toBeVisible()
    await expect(counter.receipt.getByTestId('receipt-voided')).toContainText('DIBATALKAN')
    await expect(counter.receipt.getByTestId('receipt-voided')).toContainText('Salah ketuk, pembeli batal')
    await expect(clerk.page.getByRole('button', { name: 'Batalkan', exact: true })).toBeHidden()
    await expectNoSeriousA11yViolations(clerk.page, 'voided receipt')
    await clerk.page.screenshot({ path: '/tmp/umkm-centre-voided-phone.png', fullPage: true })
    await clerk.page.getByRole('button', { name: 'Kembali ke kasir' }).click()
    // The till and the shelf no longer count it; the day's list still shows it, marked.
    await expect(clerk.page.getByTestId('till-cash')).toHaveText('Rp0')
    await expect(counter.shelfItem(PRODUCT)).toContainText('Sisa 22 pcs')
    await expect(cashSale).toContainText('Dibatalkan')
  })
  await clerk.context.close()

  await test.step("this month's statement shows the sale and what the producer is owed", async () => {
    await new WorkspaceShell(page).goToNavItem('Gerai UMKM')
    await centreLink(page, 'Laporan bulanan gerai').click()
    await expect(page.getByRole('heading', { level: 1, name: 'Laporan bulanan gerai' })).toBeVisible()
    await page.getByLabel('Bulan', { exact: true }).fill(batuDay().slice(0, 7))
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: business, exact: true }) })
    await expect(row).toContainText('Rp50.000')
    await expect(row).toContainText('Rp5.000')
    await expect(row).toContainText('Rp45.000')
    await expect(row).toContainText('Belum diselesaikan')
    // The month is not over: no settlement yet, and the page says from when.
    await expect(row.getByRole('button', { name: 'Selesaikan' })).toBeDisabled()
    await expect(page.getByText(/belum berakhir, jadi belum bisa diselesaikan/)).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'monthly statements')

    await row.getByRole('link', { name: business, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Laporan penjualan titipan' })).toBeVisible()
    const line = page.getByTestId('statement-line').filter({ hasText: PRODUCT })
    await expect(line).toHaveCount(1)
    await expect(line).toContainText('QRIS')
    await expect(line).toContainText('2 pcs')
    await expect(line).toContainText('Rp25.000')
    await expect(line).toContainText('Rp50.000')
    await expect(page.getByTestId('statement-payable')).toHaveText('Dibayar ke produsen: Rp45.000')
    await expect(page.getByRole('button', { name: 'Cetak laporan' })).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'business statement')
    await page.screenshot({ path: '/tmp/umkm-centre-statement.png', fullPage: true })
    // On paper: the statement and its signature lines, without the app's navigation and buttons.
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeHidden()
    await expect(page.getByRole('button', { name: 'Cetak laporan' })).toBeHidden()
    await expect(page.getByTestId('statement-payable')).toBeVisible()
    await expect(page.getByText('Diterima oleh produsen,')).toBeVisible()
    await page.screenshot({ path: '/tmp/umkm-centre-statement-print.png', fullPage: true })
    await page.emulateMedia({ media: 'screen' })
  })

  await test.step('anyone sees the product on the public catalogue, found from the home page', async () => {
    const visitor = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' })
    const open = await visitor.newPage()
    await open.goto('/')
    await open.getByRole('link', { name: 'Produk UMKM di gerai Kota Batu' }).click()
    await expect(open.getByRole('heading', { level: 1, name: 'Produk UMKM Kota Batu' })).toBeVisible()
    const shelf = open.getByRole('region', { name: OUTLET })
    const card = shelf.getByRole('listitem').filter({ hasText: PRODUCT })
    await expect(card).toContainText(business)
    await expect(card).toContainText('Nilai B')
    await expect(card).toContainText('Rp25.000 / pcs')
    await expect(card).toContainText('Tersedia 22 pcs')
    await expectNoSeriousA11yViolations(open, 'public catalogue')
    await open.screenshot({ path: '/tmp/umkm-centre-catalogue.png', fullPage: true })
    await visitor.close()
  })
})
