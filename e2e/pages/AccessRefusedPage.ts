import { expect, type Locator, type Page } from '@playwright/test'

/** What a city page shows to someone without a role in that city: a refusal, no data. */
export class AccessRefusedPage {
  readonly alert: Locator

  constructor(
    private readonly page: Page,
    cityName: string,
  ) {
    this.alert = page.getByRole('alert').filter({ hasText: `Anda tidak memiliki peran di ${cityName}.` })
  }

  async verifyOnPage(path: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`${path}$`))
    await expect(this.alert).toBeVisible()
  }
}
