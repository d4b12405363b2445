import { expect, type Locator, type Page } from '@playwright/test'

/** /c/:city/umkm/businesses: the registry list with its search form. */
export class UmkmBusinessesPage {
  readonly heading: Locator

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Data UMKM' })
  }

  async verifyOnPage(): Promise<void> {
    await expect(this.heading).toBeVisible()
  }

  async startRegistering(): Promise<void> {
    await this.page.getByRole('link', { name: 'Daftarkan usaha' }).click()
  }

  async search(name: string): Promise<void> {
    await this.page.getByLabel('Cari nama usaha').fill(name)
    await this.page.getByRole('button', { name: 'Terapkan' }).click()
  }

  /** The result as a link to its page (the table on a wide screen, a card on a phone). */
  result(name: string): Locator {
    return this.page.getByRole('link', { name, exact: true }).locator('visible=true')
  }
}

/** /c/:city/umkm/businesses/new: the registration form. */
export class UmkmBusinessFormPage {
  readonly heading: Locator
  readonly nib: Locator

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Daftarkan usaha' })
    this.nib = page.getByRole('textbox', { name: 'NIB', exact: true })
  }

  async verifyOnPage(): Promise<void> {
    await expect(this.heading).toBeVisible()
  }

  async fill(values: { name: string; kbliCode: string; nib: string; ownerName: string; products: string }) {
    await this.page.getByRole('textbox', { name: 'Nama usaha' }).fill(values.name)
    await this.page.getByRole('textbox', { name: 'Kode KBLI' }).fill(values.kbliCode)
    await this.nib.fill(values.nib)
    await this.page.getByRole('textbox', { name: 'Produk' }).fill(values.products)
    await this.page.getByRole('textbox', { name: 'Nama pemilik' }).fill(values.ownerName)
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Daftarkan usaha' }).click()
  }

  /** The error shown next to a field and in the summary at the top. */
  async expectFieldError(field: Locator, message: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('alert').filter({ hasText: message })).toBeVisible()
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(field).toHaveAccessibleDescription(message)
  }
}

/** /c/:city/umkm/businesses/:id: one business with its licences and scales. */
export class UmkmBusinessPage {
  constructor(private readonly page: Page) {}

  async verifyOnPage(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible()
  }

  async expectConfirmation(text: string): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: text })).toBeVisible()
  }

  async addLicence(values: { kind: string; number: string; expiresOn: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Tambah izin atau sertifikat' }).click()
    const form = this.page.getByRole('form', { name: 'Tambah izin atau sertifikat' })
    await form.getByLabel('Jenis').selectOption({ label: values.kind })
    await form.getByRole('textbox', { name: 'Nomor' }).fill(values.number)
    await form.getByLabel('Berlaku sampai').fill(values.expiresOn)
    await form.getByRole('button', { name: 'Simpan izin' }).click()
    await expect(form).toBeHidden()
  }

  async backToList(): Promise<void> {
    await this.page.getByRole('link', { name: 'Kembali ke data UMKM' }).click()
  }
}
