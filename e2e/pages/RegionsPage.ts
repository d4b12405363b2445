import { expect, type Locator, type Page } from '@playwright/test'

/** /c/:city/regions: the city's districts and villages. */
export class RegionsPage {
  readonly heading: Locator

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^(Wilayah|Regions)$/ })
  }

  async verifyOnPage(citySlug: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`/c/${citySlug}/regions$`))
    await expect(this.heading).toBeVisible()
  }
}
