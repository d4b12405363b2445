import { expect, type Locator, type Page } from '@playwright/test'

/** An action as the audit log shows it: in words, and the code admins and auditors quote. */
export interface AuditAction {
  label: string
  code: string
}

/** /c/:city/admin/audit: who did what in the city, newest first. */
export class AuditPage {
  readonly heading: Locator
  readonly filters: Locator
  readonly table: Locator

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Jejak audit', exact: true })
    this.filters = page.getByRole('form', { name: 'Saring' })
    this.table = page.getByRole('table')
  }

  async verifyOnPage(citySlug: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`/c/${citySlug}/admin/audit$`))
    await expect(this.heading).toBeVisible()
    await expect(this.table).toBeVisible()
  }

  async filterByActor(username: string): Promise<void> {
    await this.filters.getByLabel('Pelaku (nama pengguna)').fill(username)
    await this.filters.getByRole('button', { name: 'Terapkan', exact: true }).click()
  }

  /**
   * Rows whose action column shows this action in words with its code beneath it
   * (e.g. *Peran diberikan* over `role.granted`).
   */
  rows(action: AuditAction): Locator {
    const cell = this.page
      .getByRole('cell')
      .filter({ has: this.page.getByText(action.label, { exact: true }) })
      .filter({ has: this.page.locator('code').getByText(action.code, { exact: true }) })
    return this.table.getByRole('row').filter({ has: cell })
  }

  /** Exactly one row of this action whose recorded changes, once shown, contain all the fragments. */
  async expectEntry(action: AuditAction, ...fragments: string[]): Promise<void> {
    const candidates = this.rows(action)
    await expect(candidates.first()).toBeVisible()
    // Open each entry's "show changes" that is still closed.
    const closed = candidates.locator('details:not([open]) > summary')
    while ((await closed.count()) > 0) await closed.first().click()
    let matching = candidates
    for (const fragment of fragments) matching = matching.filter({ hasText: fragment })
    await expect(matching, `an audit entry ${action.code} with ${fragments.join(', ')}`).toHaveCount(1)
    await expect(matching.locator('details[open] pre').last()).toBeVisible()
  }
}
