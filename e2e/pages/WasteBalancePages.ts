import { expect, type Locator, type Page } from '@playwright/test'

/** A figure card of the balance: a <dt> with its name and <dd>s with the value and a note. */
function figureValue(page: Page, label: string): Locator {
  return page
    .locator('dl > div')
    .filter({ has: page.locator('dt', { hasText: label }) })
    .locator('dd')
    .first()
}

/** /c/:city/waste-balance and /kota/:city/neraca-sampah: the figures, the flow diagram, the tables. */
export class WasteBalancePage {
  readonly timbulan: Locator
  readonly managed: Locator
  readonly flowDiagram: Locator

  constructor(private readonly page: Page) {
    this.timbulan = figureValue(page, 'Timbulan (A), perkiraan')
    this.managed = figureValue(page, 'Sampah terkelola (B+C)')
    this.flowDiagram = page
      .locator('figure')
      .filter({ has: page.getByRole('heading', { name: 'Aliran sampah' }) })
  }

  async goto(citySlug: string, period?: string): Promise<void> {
    await this.page.goto(`/c/${citySlug}/waste-balance${period ? `?period=${period}` : ''}`)
  }

  async verifyOnPage(heading: string | RegExp = 'Neraca sampah kota'): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await expect(this.timbulan).toBeVisible()
  }

  /** The diagram is drawn (links as SVG paths) and its figures are in the table under it. */
  async expectFlowDiagram(...nodes: string[]): Promise<void> {
    await expect(this.flowDiagram.locator('svg path').first()).toBeVisible()
    await this.flowDiagram.getByText(/^Tampilkan angka/).click()
    const table = this.flowDiagram.getByRole('table')
    for (const node of nodes) await expect(table).toContainText(node)
  }

  async openStaffLink(name: string | RegExp): Promise<void> {
    await this.page.getByRole('link', { name }).click()
  }
}

/** /c/:city/waste-balance/estimates/:year: the inputs of the timbulan estimate. */
export class EstimatePage {
  readonly errorSummary: Locator
  readonly confirmUnusualRate: Locator

  constructor(private readonly page: Page) {
    this.errorSummary = page.getByRole('alert').filter({ hasText: 'Ada masalah' })
    this.confirmUnusualRate = page.getByRole('checkbox', {
      name: /angka timbulan per orang ini memang benar/,
    })
  }

  async verifyOnPage(year: number): Promise<void> {
    await expect(
      this.page.getByRole('heading', { level: 1, name: `Perkiraan timbulan ${year}` }),
    ).toBeVisible()
  }

  rateField(): Locator {
    return this.page.getByLabel('Timbulan rumah tangga (kg/orang/hari)')
  }

  async setRate(kilograms: string): Promise<void> {
    await this.rateField().fill(kilograms)
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Simpan', exact: true }).click()
  }
}
