// A person's first session in the real Electron app, then a restart: import a dispatch through
// File ▸ Import, bookmark it with the Article menu, switch the language from the View menu,
// quit, start again, and find all of it as it was. Native dialogs cannot be driven, so the
// dialog is answered in main; everything else goes through the real menu, preload and archive.
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'

const repoRoot = resolve(import.meta.dirname, '..', '..')
const fixture = join(repoRoot, 'test', 'electron-app', 'fixtures', 'id-pasar-terapung.txt')
const fixtureTitle = 'Pasar terapung Lok Baintan kembali ramai setelah dermaga baru dibuka'

/** The Electron binary, found the way the electron package does — without importing it (that would try to download). */
function electronBinary(): { path: string } | { reason: string } {
  const pkg = join(repoRoot, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) {
    return { reason: `no Electron binary: ${pathFile.replace(repoRoot + '/', '')} is missing (Electron's download never ran; it needs network access to GitHub)` }
  }
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  if (!existsSync(binary)) return { reason: `no Electron binary at ${binary.replace(repoRoot + '/', '')}` }
  const built = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].filter((f) => !existsSync(join(repoRoot, f)))
  if (built.length > 0) return { reason: `the app is not built (missing ${built.join(', ')}); run \`npm run build\`` }
  return { path: binary }
}

const found = electronBinary()
if ('reason' in found) console.log(`skipped: Electron journey — ${found.reason}`)

async function launch(archiveDir: string): Promise<{ app: ElectronApplication; page: Page }> {
  if (!('path' in found)) throw new Error(found.reason)
  const env: Record<string, string> = { ...(process.env as Record<string, string>), WARTA_ARCHIVE_DIR: archiveDir, LANG: 'en_US.UTF-8' }
  delete env.ELECTRON_RENDERER_URL // the built app, not a dev server
  // Chromium refuses to run as root without --no-sandbox (CI containers); the renderer's own
  // `sandbox: true` still applies to the page.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : []
  const app = await electron.launch({ executablePath: found.path, args: [...rootArgs, '--lang=en-US', repoRoot], env, cwd: repoRoot })
  const page = await app.firstWindow()
  await page.waitForLoadState('domcontentloaded')
  return { app, page }
}

const clickMenuItem = (app: ElectronApplication, id: string): Promise<void> =>
  app.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId)
    if (!item) throw new Error(`no menu item ${itemId}`)
    item.click()
  }, id)

const bookmarkedTotal = (page: Page): Promise<number> =>
  page.evaluate(async () => {
    const result = await window.warta!.listArticles({ filter: 'bookmarked' })
    return result.ok ? result.value.total : -1
  })

test.describe('Warta in Electron', () => {
  test.skip('reason' in found, 'reason' in found ? found.reason : '')

  let archiveDir: string
  test.beforeEach(async () => {
    archiveDir = await mkdtemp(join(tmpdir(), 'warta-electron-'))
  })
  test.afterEach(async () => {
    await rm(archiveDir, { recursive: true, force: true })
  })

  test('import, bookmark and language survive a restart', async () => {
    let { app, page } = await launch(archiveDir)
    try {
      // The page is the app's own, from app://warta/, with no Node and a frozen bridge.
      expect(page.url()).toBe('app://warta/index.html')
      expect(await page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process, Object.isFrozen(window.warta)])).toEqual(['undefined', 'undefined', true])

      // File ▸ Import, with the native dialog answered in main.
      await app.evaluate(({ dialog }, file) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [file] })) as typeof dialog.showOpenDialog
      }, fixture)
      await clickMenuItem(app, 'import')
      await page.getByText(fixtureTitle).first().click()

      // Article ▸ Bookmark (what Ctrl/Cmd+D does).
      await clickMenuItem(app, 'toggleBookmark')
      await expect.poll(() => bookmarkedTotal(page)).toBe(1)

      // View ▸ Language ▸ Bahasa Indonesia: the page and the menu follow.
      await clickMenuItem(app, 'language-id')
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('id')
      expect(await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('import')?.label)).toBe('&Impor Berkas…')
    } finally {
      await app.close()
    }

    ;({ app, page } = await launch(archiveDir))
    try {
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('id')
      await expect(page.getByText(fixtureTitle).first()).toBeVisible()
      expect(await bookmarkedTotal(page)).toBe(1)
      expect(await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('language-id')?.checked)).toBe(true)
    } finally {
      await app.close()
    }
  })
})
