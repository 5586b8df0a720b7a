// Starts the real Electron glue (startWarta) against the fake electron module and a real
// archive in a temp directory. The test file must mock 'electron' with fakeElectron first.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { startWarta, type RunningWarta } from '../../main/electron/wartaApp'
import { repoRoot, tempDir } from '../helpers/tempArchive'
import { appState, FakeBrowserWindow } from './fakeElectron'

export interface TestApp {
  running: RunningWarta
  window: FakeBrowserWindow
  root: string
  archiveDir: string
  userData: string
  /** What the glue logged (refusals, blocked navigations). */
  logs: string[]
  cleanup: () => Promise<void>
}

export interface TestAppOptions {
  locale?: string
  isPackaged?: boolean
  argv?: string[]
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** Prepares files (e.g. a saved window size) before the app starts. */
  before?: (paths: { root: string; userData: string; archiveDir: string }) => Promise<void>
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { dir: root, cleanup } = await tempDir()
  const archiveDir = join(root, 'archive')
  const userData = join(root, 'userData')
  await mkdir(userData, { recursive: true })
  Object.assign(appState, { userData, appPath: repoRoot, locale: options.locale ?? 'en-US', isPackaged: options.isPackaged ?? false })
  await options.before?.({ root, userData, archiveDir })
  const logs: string[] = []
  const running = await startWarta({
    env: { WARTA_ARCHIVE_DIR: archiveDir, ...options.env },
    argv: options.argv ?? ['/opt/Warta/warta'],
    cwd: options.cwd ?? root,
    mainDir: join(repoRoot, 'out', 'main'),
    log: (message) => logs.push(message),
  })
  if (!running) throw new Error('startWarta did not start')
  const window = FakeBrowserWindow.instances.at(-1)
  if (!window) throw new Error('startWarta opened no window')
  return {
    running,
    window,
    root,
    archiveDir,
    userData,
    logs,
    cleanup: async () => {
      running.searchIndex?.close()
      await running.archive.close()
      await cleanup()
    },
  }
}
