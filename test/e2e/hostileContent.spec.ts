// Issue 6, "nothing let in": a saved web page full of XSS payloads (hostilePayloads.ts), read in
// Chromium. Two ways in: imported through the file input, so main's sanitiser runs on it; and
// written straight into the article's body file before the host starts, so only the renderer's
// own sanitiser stands in the way. Each is read with the Content Security Policy on, and again
// with Chromium told to ignore it, so the sanitisers are proved on their own. Nothing may run,
// nothing may be fetched from another origin, nothing executable may reach the DOM, and the
// harmless text around the payloads must still be shown.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { bodyPath, openArchive } from '../../main/core/archive/archive'
import { importFiles } from '../../main/core/import/importFiles'
import { expect, screenshotsDir, test, type WartaHost } from './fixtures'
import { EVIL_ORIGIN, hostileBody, hostilePage, hostileTitle, payloads, safeParagraph } from './hostilePayloads'

const benignPage = (): string =>
  `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${hostileTitle}</title></head><body><article><h1>${hostileTitle}</h1>` +
  Array.from({ length: payloads.length + 1 }, (_, i) => `<p>${safeParagraph(i)}</p>`).join('\n') +
  '</article></body></html>'

/**
 * A web article saved the proper way (sanitised), whose stored HTML is then replaced by the raw
 * payloads — as another program, a synced folder or a hand edit could leave the file.
 */
async function writeHostileBody(dir: string): Promise<void> {
  const archive = await openArchive(dir)
  const [outcome] = await importFiles(archive, [{ name: 'aman.html', bytes: Buffer.from(benignPage()) }])
  await archive.close()
  if (!outcome || outcome.status !== 'imported') throw new Error(`the page did not import: ${JSON.stringify(outcome)}`)
  const path = bodyPath(dir, outcome.article.id)
  const body = JSON.parse(await readFile(path, 'utf8')) as { versions: { html: string | null }[] }
  const newest = body.versions.at(-1)
  if (!newest?.html) throw new Error('the saved page has no HTML')
  newest.html = hostileBody()
  await writeFile(path, JSON.stringify(body))
}

interface Watch {
  /** Every request the page (and any frame of it) made, by URL. */
  requests: string[]
}

/** Records every request and lets only the app's own origin through. */
async function watchNetwork(page: Page, appOrigin: string): Promise<Watch> {
  const watch: Watch = { requests: [] }
  page.context().on('request', (request) => void watch.requests.push(request.url()))
  await page.context().route('**/*', (route) => (new URL(route.request().url()).origin === appOrigin ? route.continue() : route.abort('blockedbyclient')))
  return watch
}

/** What in the rendered article could run, load or take over: should be nothing. */
async function dangerousDom(page: Page): Promise<string[]> {
  return page.locator('.article-html').evaluate((root) => {
    const found: string[] = []
    const forbiddenTags = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'base', 'meta', 'link', 'style', 'template', 'noscript', 'svg', 'math', 'video', 'audio', 'source', 'marquee', 'details', 'body'])
    const forbiddenAttributes = new Set(['style', 'id', 'name', 'srcdoc', 'srcset', 'action', 'formaction', 'background', 'xlink:href', 'poster'])
    for (const element of Array.from(root.querySelectorAll('*'))) {
      const tag = element.localName
      if (forbiddenTags.has(tag)) found.push(`<${tag}>`)
      for (const { name, value } of Array.from(element.attributes)) {
        if (/^on/i.test(name)) found.push(`${tag}[${name}]`)
        if (forbiddenAttributes.has(name)) found.push(`${tag}[${name}]`)
        if (name === 'href' && !/^https?:\/\//i.test(value)) found.push(`${tag}[href=${value.slice(0, 40)}]`)
        if (name === 'src' && !/^media\//.test(value)) found.push(`${tag}[src=${value.slice(0, 40)}]`)
        if (/javascript:|data:text/i.test(value)) found.push(`${tag}[${name}=${value.slice(0, 40)}]`)
      }
    }
    return found
  })
}

async function readHostileArticle(page: Page, warta: WartaHost, how: 'import' | 'on disk', csp: 'on' | 'off'): Promise<void> {
  const appOrigin = new URL(warta.url).origin
  const watch = await watchNetwork(page, appOrigin)
  await page.goto(warta.url)

  if (how === 'import') {
    await page.locator('input[type=file]').setInputFiles([{ name: 'berbahaya.html', mimeType: 'text/html', buffer: Buffer.from(hostilePage()) }])
    const results = page.getByRole('region', { name: 'Hasil impor' })
    // The first page read starts the extraction worker, slow on a busy machine.
    await expect(results.getByRole('status')).toHaveText('1 diimpor', { timeout: 45_000 })
    await results.getByRole('button', { name: 'Tutup hasil impor' }).click()
  }
  await page.getByRole('region', { name: 'Pustaka' }).getByRole('listitem').filter({ hasText: hostileTitle }).getByRole('link').click()
  const reader = page.getByRole('region', { name: 'Pembaca' })
  const article = reader.locator('.article-html')
  await expect(article).toContainText(safeParagraph(0))

  // Links are clicked as a reader would: none may run script or take the window anywhere.
  const links = article.locator('a')
  for (let i = 0; i < (await links.count()); i++) await links.nth(i).click({ timeout: 2_000 }).catch(() => {})
  for (const paragraph of await article.locator('p').all()) await paragraph.hover({ timeout: 2_000 }).catch(() => {})
  // Time for anything delayed (a refresh, a failed image's onerror, a frame's load) to happen.
  await page.waitForTimeout(1_000)

  // The harmless text around every payload is still there, in order.
  for (let i = 0; i <= payloads.length; i++) await expect(article).toContainText(safeParagraph(i))
  expect(page.url().startsWith(warta.url.replace(/\/$/, ''))).toBe(true)

  const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)
  const foreign = watch.requests.filter((u) => !u.startsWith(appOrigin) && !u.startsWith('data:'))
  const blocked = payloads.filter((p) => !String(pwned ?? '').includes(`${p.name};`) && !foreign.some((u) => u.startsWith(`${EVIL_ORIGIN}/${p.name}`)))
  console.log(`hostile (${how === 'import' ? "main's sanitiser" : "renderer's sanitiser only"}, CSP ${csp}): ${payloads.length} payloads, ${blocked.length} blocked`)
  await page.screenshot({ path: join(screenshotsDir, `hostile-${how.replace(' ', '-')}-csp-${csp}.png`), fullPage: false })

  expect(pwned).toBeUndefined()
  expect(foreign).toEqual([])
  expect(await dangerousDom(page)).toEqual([])
  expect(blocked.map((p) => p.name)).toEqual(payloads.map((p) => p.name))
}

test.describe('a saved page full of XSS payloads', () => {
  test.use({ systemLocale: 'id-ID' })
  test.describe.configure({ timeout: 120_000 })

  test('imported through the file input: main sanitises it, nothing runs or leaves (CSP on)', async ({ page, warta }) => {
    await readHostileArticle(page, warta, 'import', 'on')
  })

  test.describe('with the Content Security Policy ignored, so only the sanitisers defend', () => {
    test.use({ bypassCSP: true })

    test('imported through the file input', async ({ page, warta }) => {
      await readHostileArticle(page, warta, 'import', 'off')
    })

    test.describe('written straight into the body file', () => {
      test.use({ prepareArchive: { run: writeHostileBody } })

      test("the renderer's own sanitiser stops it", async ({ page, warta }) => {
        await readHostileArticle(page, warta, 'on disk', 'off')
      })
    })
  })

  test.describe('written straight into the body file, CSP on', () => {
    test.use({ prepareArchive: { run: writeHostileBody } })

    test('nothing runs or leaves', async ({ page, warta }) => {
      await readHostileArticle(page, warta, 'on disk', 'on')
    })
  })
})
