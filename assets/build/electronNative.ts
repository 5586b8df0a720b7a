// Builds Electron-ABI copies of the native modules the main process loads into
// .electron-native/<platform>-<arch>/, leaving node_modules built for plain Node (vitest and
// the CLI load those). The app finds the copies through main/electron/nativeModules.ts;
// electron-builder.yml ships them as resources/native.
//
// How: each module is copied (without its Node build) into a staging project beside the output
// and rebuilt there with @electron/rebuild — a prebuilt binary for Electron's ABI when one can be
// downloaded, else a compile against Electron's headers. Skipped when the stamp says the same
// Electron and module versions were built already.
//
// Usage: npx tsx assets/build/electronNative.ts [--platform linux|darwin|win32] [--arch x64|arm64] [--force] [--optional]
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ELECTRON_NATIVE_DIR, SQLITE_BINDING_FILE } from '../../main/electron/nativeModules'

export const repoRoot = resolve(import.meta.dirname, '..', '..')

export interface NativeModule {
  name: string
  /** The built binary inside the module folder. */
  binary: string
  /** Its name in the output folder (what nativeModules.ts looks for). */
  file: string
}

export const nativeModules: readonly NativeModule[] = [
  { name: 'better-sqlite3', binary: join('build', 'Release', 'better_sqlite3.node'), file: SQLITE_BINDING_FILE },
]

export interface Target {
  platform: NodeJS.Platform
  arch: string
}

export const outputDir = (root: string, target: Target): string => join(root, ELECTRON_NATIVE_DIR, `${target.platform}-${target.arch}`)
export const stageDir = (root: string, target: Target): string => join(root, ELECTRON_NATIVE_DIR, `stage-${target.platform}-${target.arch}`)

const readJson = async <T>(path: string): Promise<T | null> => {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T
  } catch {
    return null
  }
}

/** What a build is of: Electron's version and each module's. */
export async function wantedStamp(root: string): Promise<Record<string, string>> {
  const version = async (pkg: string): Promise<string> =>
    (await readJson<{ version: string }>(join(root, 'node_modules', pkg, 'package.json')))?.version ?? 'missing'
  const stamp: Record<string, string> = { electron: await version('electron') }
  for (const m of nativeModules) stamp[m.name] = await version(m.name)
  return stamp
}

/** True when every output exists and was built for the same versions. */
export async function isUpToDate(root: string, target: Target): Promise<boolean> {
  const out = outputDir(root, target)
  const stamp = await readJson<Record<string, string>>(join(out, 'stamp.json'))
  if (!stamp || JSON.stringify(stamp) !== JSON.stringify(await wantedStamp(root))) return false
  return nativeModules.every((m) => existsSync(join(out, m.file)))
}

/** Copies the modules' sources (not their Node builds) into a staging project rebuild can work on. */
export async function stageModules(root: string, target: Target): Promise<string> {
  const stage = stageDir(root, target)
  await rm(stage, { recursive: true, force: true })
  const dependencies: Record<string, string> = {}
  for (const m of nativeModules) {
    const from = join(root, 'node_modules', m.name)
    await cp(from, join(stage, 'node_modules', m.name), {
      recursive: true,
      filter: (src) => !src.startsWith(join(from, 'build')),
    })
    dependencies[m.name] = (await readJson<{ version: string }>(join(from, 'package.json')))?.version ?? '*'
  }
  await writeFile(join(stage, 'package.json'), JSON.stringify({ name: 'warta-electron-native', private: true, dependencies }, null, 2))
  return stage
}

export async function buildElectronNative(root: string, target: Target, force = false): Promise<void> {
  if (!force && (await isUpToDate(root, target))) {
    console.log(`electron native modules for ${target.platform}-${target.arch} are up to date`)
    return
  }
  const stamp = await wantedStamp(root)
  const stage = await stageModules(root, target)
  const { rebuild } = await import('@electron/rebuild')
  await rebuild({
    buildPath: stage,
    electronVersion: stamp.electron ?? '',
    platform: target.platform,
    arch: target.arch,
    onlyModules: nativeModules.map((m) => m.name),
    force: true,
    mode: 'sequential',
  })
  const out = outputDir(root, target)
  await mkdir(out, { recursive: true })
  for (const m of nativeModules) await cp(join(stage, 'node_modules', m.name, m.binary), join(out, m.file))
  await writeFile(join(out, 'stamp.json'), JSON.stringify(stamp, null, 2))
  await rm(stage, { recursive: true, force: true })
  console.log(`electron native modules written to ${out}`)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({
    // --optional (npm start, npm run dev): a failure is reported but does not stop the launch.
    options: { platform: { type: 'string' }, arch: { type: 'string' }, force: { type: 'boolean' }, optional: { type: 'boolean' } },
  })
  const target: Target = { platform: (values.platform as NodeJS.Platform | undefined) ?? process.platform, arch: values.arch ?? process.arch }
  buildElectronNative(repoRoot, target, values.force ?? false).catch((e: unknown) => {
    console.error(`Could not build the Electron copy of the native modules: ${e instanceof Error ? e.message : String(e)}`)
    console.error('Electron will start, but search (better-sqlite3) will not work until this succeeds.')
    process.exitCode = values.optional ? 0 : 1
  })
}
