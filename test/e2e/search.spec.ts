// Finding things in a large archive as a person does: 10,000 generated articles, searched from
// the box (Ctrl+F and /), word forms marked in the snippets, operators narrowing the results, a
// result opened in the reader, a malformed query explained — and the library scrolled from its
// first article to its last, with only the rows on screen in the page.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { affixedForms } from '../bench/indonesianVocabulary'
import { expect, screenshotsDir, test } from './fixtures'

const ARCHIVE_SIZE = 10_000

/** Generating, opening and indexing 10,000 articles takes a while on a busy machine. */
const SLOW_TEST_MS = 240_000

const searchBox = (page: Page, name: string) => page.getByRole('searchbox', { name })
const resultList = (page: Page, name: string) => page.getByRole('list', { name })

/** The number in a count like "1.234 hasil", "1,000+ results" or "7 results". */
const countIn = (text: string): number => Number(text.replace(/[^0-9]/g, ''))

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotsDir, { recursive: true })
  await page.screenshot({ path: join(screenshotsDir, `search-${name}.png`) })
}

/** Every page error, so a query that throws somewhere fails the test. */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

test.describe('with an Indonesian system and 10,000 articles', () => {
  test.use({ systemLocale: 'id-ID', archiveSize: ARCHIVE_SIZE })

  test('search with / finds affixed word forms, narrows with is:bookmarked, opens a result and explains a bad query', async ({ page, warta }) => {
    test.setTimeout(SLOW_TEST_MS)
    const errors = collectPageErrors(page)
    await warta.indexed()
    await page.goto(warta.url)
    const library = page.getByRole('region', { name: 'Pustaka' })
    await expect(library.getByText('10.000 artikel', { exact: true })).toBeVisible()

    // "/" anywhere outside a text field puts the focus in the search box.
    const box = searchBox(page, 'Cari artikel')
    await expect(box).not.toBeFocused()
    await page.keyboard.press('/')
    await expect(box).toBeFocused()
    await expect(box).toHaveValue('')

    // A root word finds its affixed forms, marked in titles and snippets.
    await page.keyboard.type('temu')
    const results = resultList(page, 'Hasil pencarian')
    await expect(results.getByRole('listitem').first().locator('mark').first()).toBeVisible()
    const count = library.locator('.search-count')
    await expect(count).toHaveText(/^[\d.]+\+? hasil$/)
    const allCount = countIn(await count.innerText())
    expect(allCount).toBeGreaterThan(100)
    const forms = new Set(affixedForms('temu'))
    const marked = (await results.locator('.result-snippet mark').allInnerTexts()).map((s) => s.toLowerCase())
    expect(marked.length).toBeGreaterThan(5)
    // Every marked word is a form of the query's root, and the forms are not just the root itself.
    expect(marked.filter((word) => !forms.has(word))).toEqual([])
    expect(marked.some((word) => word !== 'temu')).toBe(true)
    // The snippet is plain text with marks: never markup from the article.
    await expect(results.locator('.result-snippet *:not(mark):not(span)')).toHaveCount(0)
    await shot(page, 'results-id')

    // An operator narrows the results: the count drops to the bookmarked ones, each marked as such.
    await box.press('End')
    await page.keyboard.type(' is:bookmarked')
    await expect(count).not.toHaveText(`${allCount.toLocaleString('id-ID')}${allCount >= 1000 ? '+' : ''} hasil`)
    await expect(count).toHaveText(/^[\d.]+ hasil$/)
    const bookmarkedCount = countIn(await count.innerText())
    expect(bookmarkedCount).toBeGreaterThan(0)
    expect(bookmarkedCount).toBeLessThan(Math.min(allCount, 1000))
    const expected = warta.searchIndex?.search('temu is:bookmarked', { countUpTo: 10_000, snippetWords: 0 }).total
    expect(bookmarkedCount).toBe(expected)
    const bookmarkButtons = results.getByRole('button', { name: /^Tandai “/ })
    await expect(bookmarkButtons.first()).toBeVisible()
    for (const pressed of await bookmarkButtons.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-pressed')))) {
      expect(pressed).toBe('true')
    }
    await shot(page, 'bookmarked-id')

    // Opening a result shows that article in the reader, its text holding a form of the word.
    const first = results.getByRole('listitem').first()
    const title = (await first.locator('.row-title').innerText()).replace(/^Belum dibaca:\s*/, '').trim()
    await first.locator('.result-link').click()
    const reader = page.getByRole('region', { name: 'Pembaca' })
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title)
    const text = (await reader.locator('.article-body').innerText()).toLowerCase()
    expect([...forms].some((form) => new RegExp(`\\b${form}\\b`).test(text))).toBe(true)
    // The result is now read: the library says so too.
    await expect(first).not.toHaveClass(/row-unread/)

    // A malformed operator is explained in Indonesian, in place of the results; nothing throws.
    await page.keyboard.press('/')
    await expect(box).toBeFocused()
    await page.keyboard.type('temu is:favorit')
    const problem = library.getByRole('alert')
    await expect(problem).toHaveText(/“is:favorit” tidak dapat dicari oleh Warta\. Coba is:bookmarked, is:unread, is:read atau has:note\./)
    await expect(problem.getByRole('button', { name: 'Cara menulis pencarian' })).toBeVisible()
    await expect(results).toHaveCount(0)
    await shot(page, 'error-id')

    // Mending the query brings the results back.
    await box.fill('temu is:bookmarked')
    await expect(count).toHaveText(`${bookmarkedCount.toLocaleString('id-ID')} hasil`)
    await expect(problem).toHaveCount(0)

    // Esc empties the box and the library returns.
    await box.press('Escape')
    await expect(box).toHaveValue('')
    await expect(library.getByText('10.000 artikel', { exact: true })).toBeVisible()
    expect(errors).toEqual([])
  })

  test('the library scrolls from the newest of 10,000 articles to the oldest with only the visible rows in the page', async ({ page, warta }) => {
    test.setTimeout(SLOW_TEST_MS)
    const errors = collectPageErrors(page)
    await page.goto(warta.url)
    const library = page.getByRole('region', { name: 'Pustaka' })
    await expect(library.getByText('10.000 artikel', { exact: true })).toBeVisible()
    const scroller = page.locator('#library-list')
    const rows = scroller.getByRole('listitem')
    const newest = warta.archive.list({ filter: 'all', offset: 0, limit: 1 }).items[0]
    const oldest = warta.archive.list({ filter: 'all', offset: ARCHIVE_SIZE - 1, limit: 1 }).items[0]
    if (!newest || !oldest) throw new Error('the generated archive is empty')
    await expect(rows.first()).toContainText(newest.title)

    // Down through the list a screen at a time for a while, then in long jumps to the end.
    const height = await scroller.evaluate((el) => el.scrollHeight)
    expect(height).toBeGreaterThan(ARCHIVE_SIZE * 50)
    let most = 0
    for (let step = 1; step <= 8; step++) {
      await page.mouse.move(200, 500)
      await page.mouse.wheel(0, 700)
      await expect(rows.locator('.row-link').first()).toBeVisible()
      most = Math.max(most, await rows.count())
    }
    for (const share of [0.25, 0.5, 0.75, 1]) {
      await scroller.evaluate((el, s) => el.scrollTo({ top: el.scrollHeight * s }), share)
      // Each part of the list arrives from main as it comes into view; no placeholder stays.
      await expect(scroller.locator('.row-placeholder')).toHaveCount(0)
      most = Math.max(most, await rows.count())
    }
    const last = scroller.locator(`[aria-posinset="${ARCHIVE_SIZE}"]`)
    await expect(last).toBeInViewport()
    await expect(last).toContainText(oldest.title)
    await expect(last).toHaveAttribute('aria-setsize', String(ARCHIVE_SIZE))
    // Virtualised: the page never held more than a screenful or two of rows.
    expect(most).toBeLessThan(60)
    await shot(page, 'library-bottom-id')

    // Home on a row goes back to the newest.
    await last.locator('.row-link').focus()
    await page.keyboard.press('Home')
    await expect(scroller.locator('[aria-posinset="1"]')).toBeInViewport()
    await expect(scroller.locator('[aria-posinset="1"]')).toContainText(newest.title)
    expect(errors).toEqual([])
  })
})

test.describe('with an English system and 10,000 articles', () => {
  test.use({ systemLocale: 'en-US', archiveSize: ARCHIVE_SIZE })

  test('search with Ctrl+F, narrow with lang:en, one result in the singular and a bad query explained', async ({ page, warta }) => {
    test.setTimeout(SLOW_TEST_MS)
    const errors = collectPageErrors(page)
    await warta.indexed()
    await page.goto(warta.url)
    const library = page.getByRole('region', { name: 'Library' })
    await expect(library.getByText('10,000 articles', { exact: true })).toBeVisible()

    // Ctrl+F from anywhere, even with a row focused.
    await library.locator('.row-link').first().focus()
    const box = searchBox(page, 'Search articles')
    await page.keyboard.press('Control+f')
    await expect(box).toBeFocused()

    // English word forms: "meeting" also finds "meetings", in English dispatches and Indonesian ones quoting them.
    await page.keyboard.type('meeting')
    const results = resultList(page, 'Search results')
    await expect(results.locator('mark').first()).toBeVisible()
    const count = library.locator('.search-count')
    await expect(count).toHaveText(/^[\d,]+\+? results$/)
    const allCount = countIn(await count.innerText())
    // Neighbouring matches share one mark ("meeting meetings"): counted word by word.
    const marked = new Set((await results.locator('mark').allInnerTexts()).flatMap((s) => s.toLowerCase().split(/\s+/)))
    expect([...marked].sort()).toEqual(expect.arrayContaining(['meeting', 'meetings']))
    expect([...marked].filter((word) => word !== 'meeting' && word !== 'meetings')).toEqual([])
    await shot(page, 'results-en')

    // lang:en leaves out the Indonesian articles that only quote the word.
    await page.keyboard.type(' lang:en')
    await expect(count).not.toHaveText(`${allCount.toLocaleString('en-US')}${allCount >= 1000 ? '+' : ''} results`)
    await expect(count).toHaveText(/^[\d,]+\+? results$/)
    const englishCount = countIn(await count.innerText())
    expect(englishCount).toBeGreaterThan(0)
    expect(englishCount).toBeLessThan(allCount)
    await expect(results.locator('.badge').first()).toHaveText('EN')
    expect(new Set(await results.locator('.badge').allInnerTexts())).toEqual(new Set(['EN']))

    // An article's exact title as a phrase: one result, said in the singular.
    const target = warta.archive.list({ filter: 'all', offset: 1234, limit: 1 }).items[0]
    if (!target) throw new Error('the generated archive is too small')
    await box.fill(`"${target.title}"`)
    await expect(count).toHaveText('1 result')
    await expect(results.getByRole('listitem')).toHaveCount(1)
    await expect(results.getByRole('listitem').locator('.row-title')).toContainText(target.title)
    await results.getByRole('listitem').locator('.result-link').click()
    await expect(page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(target.title)

    // Nothing found is said, not shown as an empty list.
    await page.keyboard.press('Control+f')
    await page.keyboard.type('zzqxy')
    await expect(library.getByText('Nothing found for “zzqxy”')).toBeVisible()

    // A malformed query: the reason in English, where the results would be.
    await box.fill('after:yesterday meeting')
    const problem = library.getByRole('alert')
    await expect(problem).toContainText('“after:yesterday” is not a date Warta understands. Write dates as 2024-10-01, 2024-10 or 2024.')
    await problem.getByRole('button', { name: 'How to write a search' }).click()
    await expect(page.getByRole('dialog', { name: 'Searching your archive' })).toBeVisible()
    await shot(page, 'error-en')
    expect(errors).toEqual([])
  })
})
