// The bundled samples: one click fills the library, counts read right in both languages, and a
// related title that matches another sample opens it. Also saves the screenshots for the README.
import { mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, samplesDir, screenshotsDir, test, type WartaHost } from './fixtures'

const sampleCount = readdirSync(samplesDir).filter((name) => name.endsWith('.txt')).length

/** An archived sample whose related news links to another archived sample, found through the real handlers. */
async function linkedSample(warta: WartaHost): Promise<{ from: string; to: string }> {
  const { items } = await warta.handlers.listArticles({ filter: 'all', sort: 'published', offset: 0, limit: 100 })
  for (const item of items) {
    const article = await warta.handlers.getArticle({ articleId: item.id })
    const target = article.related.find((r) => r.articleId !== null)
    if (target?.articleId) {
      const to = await warta.handlers.getArticle({ articleId: target.articleId })
      return { from: article.title, to: to.title }
    }
  }
  throw new Error('no sample names another sample in its related news; the samples should link to each other')
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true })
  await page.mouse.move(0, 0)
  // A README picture, not a keyboard session: no focus ring.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`) })
}

test.use({ systemLocale: 'id-ID', viewport: { width: 1280, height: 800 } })

test('sample articles fill the library, with plurals right in both languages', async ({ page, warta }) => {
  expect(sampleCount, 'assets/samples holds sample dispatches').toBeGreaterThan(1)
  await page.goto(warta.url)
  await page.getByRole('button', { name: 'Muat artikel contoh' }).click()

  const results = page.getByRole('region', { name: 'Hasil impor' })
  await expect(results.getByRole('status')).toHaveText(`${sampleCount} diimpor`)
  await results.getByRole('button', { name: 'Tutup hasil impor' }).click()

  const list = page.getByRole('region', { name: 'Pustaka' })
  await expect(list.getByText(`${sampleCount} artikel`, { exact: true })).toBeVisible()
  await expect(list.getByRole('listitem')).toHaveCount(sampleCount)
  // Both languages are among the samples, each with its badge.
  await expect(list.locator('.badge', { hasText: 'ID' }).first()).toBeVisible()
  await expect(list.locator('.badge', { hasText: 'EN' }).first()).toBeVisible()

  // Bookmark two from the list rows.
  const rows = list.getByRole('listitem')
  await rows.nth(0).getByRole('button', { name: /^Tandai “/ }).click()
  await rows.nth(2).getByRole('button', { name: /^Tandai “/ }).click()
  await list.getByRole('tab', { name: /Ditandai/ }).click()
  await expect(list.getByText('2 artikel ditandai', { exact: true })).toBeVisible()
  await expect(list.getByRole('listitem')).toHaveCount(2)

  await page.getByRole('button', { name: 'English' }).click()
  const english = page.getByRole('region', { name: 'Library' })
  await expect(english.getByText('2 bookmarks', { exact: true })).toBeVisible()
  await english.getByRole('listitem').first().getByRole('button', { name: /^Bookmark “/ }).click()
  await expect(english.getByText('1 bookmark', { exact: true })).toBeVisible()
  await expect(english.getByRole('listitem')).toHaveCount(1)
  await english.getByRole('tab', { name: /^All/ }).click()
  await expect(english.getByText(`${sampleCount} articles`, { exact: true })).toBeVisible()
})

test('a related title that matches another sample opens it', async ({ page, warta }) => {
  await page.goto(warta.url)
  await page.getByRole('button', { name: 'Muat artikel contoh' }).click()
  await page.getByRole('button', { name: 'Tutup hasil impor' }).click()
  const { from, to } = await linkedSample(warta)

  await page.getByRole('region', { name: 'Pustaka' }).getByRole('link', { name: from }).click()
  const reader = page.getByRole('region', { name: 'Pembaca' })
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(from)
  await reader.getByRole('region', { name: 'Berita terkait' }).getByRole('link', { name: to }).click()
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(to)
})

test('screenshots of the library and the reader in both languages', async ({ page, warta }) => {
  await page.goto(warta.url)
  await page.getByRole('button', { name: 'Muat artikel contoh' }).click()
  await page.getByRole('button', { name: 'Tutup hasil impor' }).click()
  const { from } = await linkedSample(warta)
  const list = page.getByRole('region', { name: 'Pustaka' })
  // A lived-in library: one read, one bookmarked.
  await list.getByRole('listitem').nth(1).getByRole('button', { name: /^Tandai “/ }).click()
  await list.getByRole('link', { name: from }).click()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('region', { name: 'Pembaca' }).getByText('Belum ada yang dibuka')).toBeVisible()
  await screenshot(page, 'library-id')

  await list.getByRole('link', { name: from }).click()
  await expect(page.getByRole('region', { name: 'Pembaca' }).getByRole('heading', { level: 1 })).toHaveText(from)
  await screenshot(page, 'reader-id')

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('button', { name: 'Back to library' })).toBeVisible()
  await screenshot(page, 'reader-en')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('region', { name: 'Reader' }).getByText('Nothing open')).toBeVisible()
  await screenshot(page, 'library-en')
})
