import { expect, type Locator, type Page } from '@playwright/test'
import { WorkspaceShell } from './WorkspaceShell.ts'

/** /c/:city/waste/operator/:facilityId: the task menu of one facility, one big button per task. */
export class OperatorHomePage {
  readonly shell: WorkspaceShell
  readonly tasks: Locator

  constructor(private readonly page: Page) {
    this.shell = new WorkspaceShell(page)
    this.tasks = page.getByRole('navigation', { name: 'Tugas harian' })
  }

  /** The entry point: an operator of one facility is taken straight to its menu. */
  async goto(citySlug: string): Promise<void> {
    await this.page.goto(`/c/${citySlug}/waste/operator`)
  }

  async verifyOnPage(facilityName: string): Promise<void> {
    await expect(this.page).toHaveURL(/\/waste\/operator\/[\w-]+$/)
    await expect(this.page.getByRole('heading', { level: 1, name: facilityName })).toBeVisible()
    await expect(this.tasks.getByRole('link')).toHaveCount(8)
  }

  async openTask(label: string): Promise<void> {
    await this.tasks.getByRole('link', { name: label, exact: true }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: label })).toBeVisible()
  }
}

/** Any ledger task (sampah masuk, hasil pilah, …): choose on page one, weigh on page two. */
export class OperatorTaskPage {
  readonly saved: Locator
  readonly errorSummary: Locator

  constructor(private readonly page: Page) {
    this.saved = page.getByRole('status').filter({ hasText: 'Tersimpan' })
    this.errorSummary = page.getByRole('alert').filter({ hasText: 'Ada masalah' })
  }

  async choose(label: string | RegExp): Promise<void> {
    const option = this.page.getByRole('radio', { name: label })
    await option.click()
    await expect(option).toBeChecked()
  }

  async continue(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lanjut', exact: true }).click()
    await expect(this.page).toHaveURL(/step=2/)
  }

  weightField(): Locator {
    return this.page.getByLabel(/dalam kg$/)
  }

  async weigh(kilograms: string): Promise<void> {
    await this.weightField().fill(kilograms)
    await expect(this.page.getByLabel('Tanggal')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/)
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Simpan', exact: true }).click()
  }

  async expectSaved(...lines: string[]): Promise<void> {
    await expect(this.saved).toBeVisible()
    for (const line of lines) await expect(this.saved).toContainText(line)
  }

  async recordAgain(): Promise<void> {
    await this.page.getByRole('button', { name: 'Catat lagi', exact: true }).click()
  }

  async backToMenu(): Promise<void> {
    await this.page.getByRole('link', { name: 'Kembali ke menu', exact: true }).click()
  }
}

/** /c/:city/waste/operator/:facilityId/day: the day's figures, the stock left and the entries. */
export class OperatorDayPage {
  readonly totals: Locator
  readonly entries: Locator

  constructor(private readonly page: Page) {
    this.totals = page.getByRole('definition')
    this.entries = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Batalkan/ }) })
  }

  async verifyOnPage(): Promise<void> {
    await expect(this.page).toHaveURL(/\/waste\/operator\/[\w-]+\/day$/)
    await expect(this.page.getByRole('heading', { level: 1, name: 'Ringkasan hari ini' })).toBeVisible()
  }

  /** `Masuk` → `120 kg`: the figure under a label of the totals. */
  async expectFigure(label: string, value: string): Promise<void> {
    const term = this.page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) })
    await expect(term).toHaveCount(1)
    await expect(term.locator('xpath=following-sibling::dd[1]')).toHaveText(value)
  }
}
