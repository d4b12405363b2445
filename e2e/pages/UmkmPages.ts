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

  /** Beroperasi (the default), Tutup or Semua. */
  async filterStatus(status: 'Beroperasi' | 'Tutup' | 'Semua'): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Status' }).selectOption({ label: status })
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

  async fill(values: {
    name: string
    kbliCode: string
    nib: string
    ownerName: string
    products: string
    startedYear?: string
    startedMonth?: string
  }) {
    await this.page.getByRole('textbox', { name: 'Nama usaha' }).fill(values.name)
    await this.page.getByRole('textbox', { name: 'Kode KBLI' }).fill(values.kbliCode)
    await this.nib.fill(values.nib)
    await this.page.getByRole('textbox', { name: 'Produk' }).fill(values.products)
    if (values.startedYear)
      await this.page.getByRole('textbox', { name: 'Tahun mulai beroperasi' }).fill(values.startedYear)
    if (values.startedMonth)
      await this.page.getByLabel('Bulan mulai beroperasi').selectOption({ label: values.startedMonth })
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

  /** A dated figures record; empty fields are left unknown. */
  async recordFigures(values: { asOf?: string; capital?: string; sales?: string; source: string }) {
    await this.page.getByRole('button', { name: 'Catat angka usaha' }).click()
    const form = this.page.getByRole('form', { name: 'Catat angka usaha bertanggal' })
    if (values.asOf) await form.getByLabel('Per tanggal').fill(values.asOf)
    if (values.capital) await form.getByRole('textbox', { name: 'Modal usaha' }).fill(values.capital)
    if (values.sales) await form.getByRole('textbox', { name: 'Omzet tahunan' }).fill(values.sales)
    await form.getByRole('textbox', { name: 'Sumber' }).fill(values.source)
    await form.getByRole('button', { name: 'Simpan angka usaha' }).click()
    await expect(form).toBeHidden()
    await this.expectConfirmation('Angka usaha disimpan.')
  }

  async backToList(): Promise<void> {
    await this.page.getByRole('link', { name: 'Kembali ke data UMKM' }).click()
  }

  /** Tandai usaha tutup: the date stays today in the city unless given. */
  async close(values: { reason: string; closedOn?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Tandai usaha tutup' }).click()
    const form = this.page.getByRole('form', { name: /^Tandai .* tutup$/ })
    if (values.closedOn) await form.getByLabel('Tanggal tutup').fill(values.closedOn)
    await form.getByRole('textbox', { name: 'Alasan tutup' }).fill(values.reason)
    await form.getByRole('button', { name: 'Tandai tutup' }).click()
    await expect(form).toBeHidden()
  }

  async reopen(): Promise<void> {
    await this.page.getByRole('button', { name: 'Buka kembali usaha' }).click()
    await expect(this.page.getByRole('button', { name: 'Tandai usaha tutup' })).toBeVisible()
  }
}

/** /c/:city/umkm/programmes: the coaching programmes. */
export class UmkmProgrammesPage {
  readonly heading: Locator

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Program pembinaan' })
  }

  async verifyOnPage(): Promise<void> {
    await expect(this.heading).toBeVisible()
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) })
  }

  async open(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click()
  }

  async startNew(): Promise<void> {
    await this.page.getByRole('link', { name: 'Program baru' }).click()
  }
}

/** /c/:city/umkm/programmes/new: a new programme. */
export class UmkmProgrammeFormPage {
  readonly heading: Locator
  readonly endsOn: Locator

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Program pembinaan baru' })
    this.endsOn = page.getByLabel('Tanggal selesai')
  }

  async verifyOnPage(): Promise<void> {
    await expect(this.heading).toBeVisible()
  }

  async fill(values: {
    kind: string
    name: string
    agency: string
    funding: string
    startsOn: string
    endsOn: string
    quota: string
    requiresNib: boolean
    scales: string[]
  }): Promise<void> {
    await this.page.getByLabel('Jenis program').selectOption({ label: values.kind })
    await this.page.getByRole('textbox', { name: 'Nama program' }).fill(values.name)
    await this.page.getByRole('textbox', { name: 'Penyelenggara' }).fill(values.agency)
    await this.page.getByLabel('Sumber dana').selectOption({ label: values.funding })
    await this.page.getByLabel('Tanggal mulai').fill(values.startsOn)
    await this.endsOn.fill(values.endsOn)
    await this.page.getByRole('textbox', { name: 'Kuota peserta' }).fill(values.quota)
    if (values.requiresNib) await this.page.getByRole('checkbox', { name: 'Peserta wajib punya NIB' }).check()
    for (const scale of values.scales)
      await this.page.getByRole('checkbox', { name: scale, exact: true }).check()
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Buat program' }).click()
  }

  async expectFieldError(field: Locator, message: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('alert').filter({ hasText: message })).toBeVisible()
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(field).toHaveAccessibleDescription(message)
  }
}

/** /c/:city/umkm/programmes/:id: a programme, its participants, enrolment and sessions. */
export class UmkmProgrammePage {
  readonly participants: Locator

  constructor(private readonly page: Page) {
    this.participants = page.getByRole('table', { name: 'Peserta' })
  }

  async verifyOnPage(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible()
  }

  async expectConfirmation(text: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: text })).toBeVisible()
  }

  /** Searches the registry from the enrolment control and enrols the one business found. */
  async enrol(search: string, name: string | RegExp): Promise<void> {
    const control = this.page.getByRole('search', { name: 'Daftarkan usaha ke program' })
    await control.getByRole('searchbox', { name: 'Cari nama usaha' }).fill(search)
    await control.getByRole('button', { name: 'Cari' }).click()
    const results = this.page.getByRole('list', { name: 'Hasil pencarian usaha' })
    await results
      .getByRole('button', { name: typeof name === 'string' ? `Daftarkan ${name} ke program` : name })
      .click()
  }

  async expectRefusal(reason: string | RegExp): Promise<void> {
    await expect(
      this.page
        .getByRole('alert')
        .filter({ hasText: 'Usaha tidak dapat didaftarkan' })
        .filter({ hasText: reason }),
    ).toBeVisible()
  }

  participant(name: string | RegExp): Locator {
    return this.participants.getByRole('row').filter({ has: this.page.getByRole('link', { name }) })
  }

  async recordSession(values: {
    heldOn: string
    topic: string
    present: (string | RegExp)[]
  }): Promise<void> {
    await this.page.getByRole('button', { name: 'Catat sesi' }).click()
    const form = this.page.getByRole('form', { name: 'Catat sesi' })
    await form.getByLabel('Tanggal sesi').fill(values.heldOn)
    await form.getByRole('textbox', { name: 'Topik' }).fill(values.topic)
    for (const name of values.present) await form.getByRole('checkbox', { name }).check()
    await form.getByRole('button', { name: 'Simpan sesi' }).click()
    await expect(form).toBeHidden()
  }
}
