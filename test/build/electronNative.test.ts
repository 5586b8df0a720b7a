// The Electron-ABI native build (assets/build/electronNative.ts) up to the point where it needs
// the network: where it stages and writes, what it leaves out, when it skips. The rebuild itself
// downloads a prebuilt binary or Electron's headers, which cannot be reached here.
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isUpToDate, outputDir, stageModules, wantedStamp } from '../../assets/build/electronNative'
import { electronNativeDir } from '../../main/electron/nativeModules'
import { tempDir } from '../helpers/tempArchive'

let root: string
let cleanup: () => Promise<void>
const target = { platform: 'linux' as const, arch: 'x64' }

beforeEach(async () => {
  ;({ dir: root, cleanup } = await tempDir())
  const write = async (path: string, text: string): Promise<void> => {
    await mkdir(join(root, path, '..'), { recursive: true })
    await writeFile(join(root, path), text)
  }
  await write('node_modules/electron/package.json', '{"version":"45.5.0"}')
  await write('node_modules/better-sqlite3/package.json', '{"name":"better-sqlite3","version":"12.6.2"}')
  await write('node_modules/better-sqlite3/lib/index.js', 'module.exports = 1')
  await write('node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'node-abi build')
})
afterEach(() => cleanup())

describe('the Electron copy of better-sqlite3', () => {
  it('is written exactly where the app looks for it in a checkout', () => {
    expect(outputDir(root, target)).toBe(electronNativeDir({ isPackaged: false, appPath: root, resourcesPath: '', ...target }))
  })

  it('is rebuilt from a staged copy that leaves the Node build (and node_modules) untouched', async () => {
    const stage = await stageModules(root, target)
    expect(existsSync(join(stage, 'node_modules/better-sqlite3/lib/index.js'))).toBe(true)
    expect(existsSync(join(stage, 'node_modules/better-sqlite3/build'))).toBe(false)
    expect(JSON.parse(await readFile(join(stage, 'package.json'), 'utf8'))).toMatchObject({ dependencies: { 'better-sqlite3': '12.6.2' } })
    expect(await readFile(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'utf8')).toBe('node-abi build')
  })

  it('is rebuilt again when Electron or the module changes version, and skipped otherwise', async () => {
    expect(await isUpToDate(root, target)).toBe(false)
    const out = outputDir(root, target)
    await mkdir(out, { recursive: true })
    await writeFile(join(out, 'better_sqlite3.node'), 'electron build')
    await writeFile(join(out, 'stamp.json'), JSON.stringify(await wantedStamp(root)))
    expect(await isUpToDate(root, target)).toBe(true)
    await writeFile(join(root, 'node_modules/electron/package.json'), '{"version":"46.0.0"}')
    expect(await isUpToDate(root, target)).toBe(false)
  })
})
