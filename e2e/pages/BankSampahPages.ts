import { expect, type Locator, type Page } from '@playwright/test'

/** /c/:city/bank-sampah/:bankId: find a nasabah by number or name, or register one. */
export class BankHomePage {
  readonly search: Locator

  constructor(private readonly page: Page) {
    this.search = page.getByLabel('Cari nasabah')
  }

  async verifyOnPage(bankName: string): Promise<void> {
    await expect(this.page).toHaveURL(/\/bank-sampah\/[\w-]+$/)
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nasabah' })).toBeVisible()
    await expect(this.page.getByText(bankName, { exact: true })).toBeVisible()
  }

  async register(): Promise<void> {
    await this.page.getByRole('link', { name: 'Daftarkan nasabah baru', exact: true }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: 'Daftarkan nasabah' })).toBeVisible()
  }

  /** Types a member number and opens that nasabah. */
  async openByNumber(number: string): Promise<void> {
    await this.search.fill(number)
    await this.page.getByRole('button', { name: 'Buka', exact: true }).click()
  }
}

/** /…/nasabah/new: the register form. */
export class RegisterNasabahPage {
  readonly errorSummary: Locator

  constructor(private readonly page: Page) {
    this.errorSummary = page.getByRole('alert').filter({ hasText: 'Ada masalah' })
  }

  async fill(fields: { kind: string; name: string; nik?: string; phone?: string; rt?: string; rw?: string }) {
    await this.page.getByRole('radio', { name: new RegExp(`^${fields.kind}`) }).check()
    await this.page.getByLabel('Nama', { exact: true }).fill(fields.name)
    if (fields.nik !== undefined) await this.nik().fill(fields.nik)
    if (fields.phone !== undefined) await this.page.getByLabel('Nomor HP (tidak wajib)').fill(fields.phone)
    if (fields.rt !== undefined) await this.page.getByLabel('RT', { exact: true }).fill(fields.rt)
    if (fields.rw !== undefined) await this.page.getByLabel('RW', { exact: true }).fill(fields.rw)
  }

  nik(): Locator {
    return this.page.getByLabel('NIK (tidak wajib)')
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Daftarkan', exact: true }).click()
  }
}

/** /…/nasabah/:nasabahId: balance, the four actions and the latest entries. */
export class NasabahPage {
  readonly balance: Locator

  constructor(private readonly page: Page) {
    this.balance = page.getByTestId('balance')
  }

  async verifyOnPage(name: string): Promise<void> {
    await expect(this.page).toHaveURL(/\/nasabah\/[\w-]+$/)
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible()
  }

  async open(
    action: 'Setor sampah' | 'Tarik tabungan' | 'Buku tabungan' | 'Kartu anggota' | 'PIN layanan mandiri',
  ): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Tindakan untuk nasabah' })
      .getByRole('link', { name: action, exact: true })
      .click()
    await expect(this.page.getByRole('heading', { level: 1, name: action })).toBeVisible()
  }
}

/** /…/deposit: lines of material × weight, each priced on screen before saving. */
export class DepositPage {
  readonly total: Locator

  constructor(private readonly page: Page) {
    this.total = page.getByTestId('deposit-total')
  }

  /** Fills line `number` (1-based), adding it first when it is not there yet. */
  async line(number: number, material: string, kilograms: string): Promise<void> {
    const select = this.page.getByLabel(`Jenis sampah ke-${number}`)
    if ((await select.count()) === 0) {
      await this.page.getByRole('button', { name: 'Tambah jenis sampah', exact: true }).click()
    }
    await select.selectOption({ label: material })
    await this.page.getByLabel(`Berat sampah ke-${number} dalam kg`).fill(kilograms)
  }

  lineGroup(number: number): Locator {
    return this.page.getByRole('group', { name: `Sampah ke-${number}` })
  }

  saveButton(): Locator {
    return this.page.getByRole('button', { name: /^Simpan setoran/ })
  }
}

/** /…/receipt/:depositId: the struk. */
export class ReceiptPage {
  readonly receipt: Locator
  readonly lines: Locator
  readonly total: Locator

  constructor(private readonly page: Page) {
    this.receipt = page.getByRole('region', { name: 'Struk setoran' })
    this.lines = page.getByTestId('receipt-line')
    this.total = page.getByTestId('receipt-total')
  }

  async verifyOnPage(): Promise<void> {
    await expect(this.page).toHaveURL(/\/receipt\/[\w-]+$/)
    await expect(this.page.getByRole('heading', { level: 1, name: 'Struk setoran' })).toBeVisible()
  }

  /** window.print opens a dialog headless Chromium cannot close: count the calls instead. */
  async stubPrint(): Promise<void> {
    await this.page.evaluate(() => {
      const counter = window as unknown as { printed: number }
      counter.printed = 0
      window.print = () => {
        counter.printed += 1
      }
    })
  }

  async print(): Promise<number> {
    await this.page.getByRole('button', { name: 'Cetak struk', exact: true }).click()
    return this.page.evaluate(() => (window as unknown as { printed: number }).printed)
  }
}
