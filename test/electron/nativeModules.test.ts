// Electron-ABI native builds live apart from node_modules (which stays built for plain Node, so
// vitest keeps working) and are loaded by explicit path.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { electronNativeDir, provideSqliteBinding, SQLITE_BINDING_ENV, sqliteNativeBinding } from '../../main/electron/nativeModules'
import { tempDir } from '../helpers/tempArchive'

const packaged = { isPackaged: true, resourcesPath: '/opt/Warta/resources', appPath: '/opt/Warta/resources/app.asar', platform: 'linux' as const, arch: 'x64' }
const checkout = { isPackaged: false, resourcesPath: '/x/electron/resources', appPath: '/home/dev/warta', platform: 'darwin' as const, arch: 'arm64' }

describe('the Electron build of better-sqlite3', () => {
  it('is looked for in resources/native when packaged and in .electron-native/<platform>-<arch> in a checkout', () => {
    expect(electronNativeDir(packaged)).toBe('/opt/Warta/resources/native')
    expect(electronNativeDir(checkout)).toBe('/home/dev/warta/.electron-native/darwin-arm64')
  })

  it('says how to build it when it is missing', () => {
    expect(() => sqliteNativeBinding(checkout, () => false)).toThrow(/npm run native:electron/)
    expect(() => sqliteNativeBinding(packaged, () => false)).toThrow(/native\/better_sqlite3\.node/)
  })

  it('is handed to the main process through WARTA_SQLITE_BINDING, leaving plain Node alone', async () => {
    const { dir, cleanup } = await tempDir()
    try {
      const where = { ...checkout, appPath: dir, platform: process.platform, arch: process.arch }
      await mkdir(electronNativeDir(where), { recursive: true })
      await writeFile(join(electronNativeDir(where), 'better_sqlite3.node'), 'stand-in')
      const env: NodeJS.ProcessEnv = {}
      expect(provideSqliteBinding(where, env)).toBe(join(dir, '.electron-native', `${process.platform}-${process.arch}`, 'better_sqlite3.node'))
      expect(env[SQLITE_BINDING_ENV]).toBe(provideSqliteBinding(where, env))
      expect(process.env[SQLITE_BINDING_ENV]).toBeUndefined()
    } finally {
      await cleanup()
    }
  })
})
