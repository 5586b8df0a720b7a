// Native modules built for Electron's ABI. node_modules keeps the builds for plain Node (vitest
// and the CLI need them), so the Electron builds live apart — .electron-native/<platform>-<arch>/
// in a checkout, resources/native/ in a packaged app — and are loaded by explicit path.
// assets/build/electronNative.ts makes them; electron-builder.yml copies them as extraResources.
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** Where a caller of better-sqlite3 reads the Electron build's path: `new Database(file, { nativeBinding })`. */
export const SQLITE_BINDING_ENV = 'WARTA_SQLITE_BINDING'
export const SQLITE_BINDING_FILE = 'better_sqlite3.node'
/** Inside a checkout; one folder per platform and architecture. */
export const ELECTRON_NATIVE_DIR = '.electron-native'
/** Inside resources/ of a packaged app. */
export const PACKAGED_NATIVE_DIR = 'native'

export interface NativeLocation {
  isPackaged: boolean
  /** process.resourcesPath */
  resourcesPath: string
  /** app.getAppPath(): the checkout root when unpackaged. */
  appPath: string
  platform: NodeJS.Platform
  arch: string
}

export function electronNativeDir(where: NativeLocation): string {
  return where.isPackaged
    ? join(where.resourcesPath, PACKAGED_NATIVE_DIR)
    : join(where.appPath, ELECTRON_NATIVE_DIR, `${where.platform}-${where.arch}`)
}

/** The Electron build of better-sqlite3, or an error that says how to make it. */
export function sqliteNativeBinding(where: NativeLocation, exists: (path: string) => boolean = existsSync): string {
  const path = join(electronNativeDir(where), SQLITE_BINDING_FILE)
  if (!exists(path)) {
    throw new Error(
      where.isPackaged
        ? `This Warta package is missing ${PACKAGED_NATIVE_DIR}/${SQLITE_BINDING_FILE}; it was built without assets/build/electronNative.ts.`
        : `No Electron build of better-sqlite3 at ${path}; run \`npm run native:electron\` (npm start does it for you).`,
    )
  }
  return path
}

/**
 * Tells the main process's better-sqlite3 callers which binary to load, before any of them
 * opens a database. An environment variable rather than an import, so main/core stays free of
 * Electron: under plain Node it is unset and better-sqlite3 finds its own build.
 */
export function provideSqliteBinding(where: NativeLocation, env: NodeJS.ProcessEnv = process.env): string {
  const path = sqliteNativeBinding(where)
  env[SQLITE_BINDING_ENV] = path
  return path
}
