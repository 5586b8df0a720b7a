// Packs Warta with electron-builder (`--dir`, Linux x64) around a stand-in Electron — a temp
// folder with a fake `electron` executable, since no Electron binary can be downloaded here —
// and checks what went into app.asar. The project is staged in a temp folder with its own fresh
// `electron-vite build`, so a build running in the checkout meanwhile cannot tear it.
// Fuses cannot be flipped on a stand-in (it has no fuse wire), so this build turns them off;
// packagedFuses.test.ts checks them on a real package.
import { spawnSync } from 'node:child_process'
import { chmod, cp, mkdir, writeFile } from 'node:fs/promises'
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join, relative, sep } from 'node:path'
import { extractFile, listPackage } from '@electron/asar'
import yaml from 'js-yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot, tempDir } from '../helpers/tempArchive'

let root: string
let cleanup: () => Promise<void>
let entries: string[]
let resources: string
/** Every package `npm ls --omit dev` finds, dependencies of dependencies included. */
let productionPackages: Set<string>

const has = (path: string): boolean => entries.includes(path)
const under = (dir: string): string[] => entries.filter((e) => e.startsWith(`${dir}/`))
/** Top-level packages in the asar's node_modules. */
const packagesIn = (): Set<string> =>
  new Set(
    under('/node_modules').map((e) => {
      const [, , scopeOrName = '', name = ''] = e.split('/')
      return scopeOrName.startsWith('@') ? `${scopeOrName}/${name}` : scopeOrName
    }),
  )

/**
 * The top-level packages the app needs at run time: the project's dependencies and theirs
 * (optional ones included, peers not), resolved the way Node resolves them.
 */
function runtimeClosure(projectDir: string): Set<string> {
  const found = new Set<string>()
  // Node's lookup: <dir>/node_modules/<name> for the package's folder and each folder above it.
  const candidateDirs = (fromDir: string, name: string): string[] => {
    const dirs: string[] = []
    for (let dir = fromDir; dir.startsWith(projectDir); dir = dirname(dir)) {
      if (basename(dir) !== 'node_modules') dirs.push(join(dir, 'node_modules', name))
      if (dir === projectDir) break
    }
    return dirs
  }
  const visit = (fromDir: string, manifest: { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }): void => {
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      // Node looks in the package's own node_modules, then in each enclosing one up to the project's.
      const dir = candidateDirs(fromDir, name).find((candidate) => existsSync(candidate))
      if (dir === undefined) continue // an optional dependency for another platform
      const key = relative(join(projectDir, 'node_modules'), dir)
      if (found.has(key)) continue
      found.add(key)
      visit(dir, JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')))
    }
  }
  visit(projectDir, JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')))
  return new Set([...found].filter((key) => !key.includes(`${sep}node_modules${sep}`)))
}

/**
 * A copy of the project with a fresh out/ and the production packages. They are copied, not
 * linked: through a symlinked node_modules, `npm ls` (which builder runs) resolves each package's
 * own dependencies outside the project and reports them missing, so they would not be packed.
 */
async function stageProject(stage: string): Promise<void> {
  const run = spawnSync(join(repoRoot, 'node_modules', '.bin', 'electron-vite'), ['build', '--outDir', join(stage, 'out')], { cwd: repoRoot, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`electron-vite build failed, so there is nothing to package:\n${run.stdout}\n${run.stderr}`)
  for (const entry of ['package.json', 'package-lock.json', 'locales', 'assets']) {
    if (existsSync(join(repoRoot, entry))) await cp(join(repoRoot, entry), join(stage, entry), { recursive: true })
  }
  productionPackages = runtimeClosure(repoRoot)
  for (const name of productionPackages) await cp(join(repoRoot, 'node_modules', name), join(stage, 'node_modules', name), { recursive: true, verbatimSymlinks: true })
}

beforeAll(async () => {
  ;({ dir: root, cleanup } = await tempDir('warta-pack-'))
  const stage = join(root, 'project')
  await mkdir(stage)
  await stageProject(stage)
  // The stand-in: what electron-builder copies as "the unpacked Electron".
  const electronDist = join(root, 'electron')
  await mkdir(join(electronDist, 'resources'), { recursive: true })
  await writeFile(join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in Electron"\n')
  await chmod(join(electronDist, 'electron'), 0o755)
  // A stand-in Electron build of better-sqlite3, where assets/build/electronNative.ts puts the real one.
  const native = join(root, 'native-linux-x64')
  await mkdir(native, { recursive: true })
  await writeFile(join(native, 'better_sqlite3.node'), 'stand-in')

  const config = yaml.load(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
    directories: Record<string, string>
    extraResources: Record<string, unknown>[]
  }
  const { build, Platform, Arch } = await import('electron-builder')
  await build({
    projectDir: stage,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: {
      ...config,
      electronDist,
      electronFuses: null,
      directories: { ...config.directories, output: join(root, 'dist') },
      extraResources: config.extraResources.map((r) => ({ ...r, from: native })),
    },
  })
  resources = join(root, 'dist', 'linux-unpacked', 'resources')
  entries = listPackage(join(resources, 'app.asar'), { isPack: false })
}, 600_000)

afterAll(() => cleanup?.())

describe('the packaged app.asar', () => {
  it('holds the three bundles, the two worker threads of main and the package manifest', () => {
    const files = ['/package.json', '/out/main/index.js', '/out/main/extractWorker.js', '/out/main/textPassWorker.js', '/out/preload/index.cjs', '/out/renderer/index.html']
    for (const file of files) expect(has(file), file).toBe(true)
    expect(under('/out/renderer/assets').some((e) => e.endsWith('.js'))).toBe(true)
  })

  it('holds both languages and the sample dispatches', () => {
    for (const lang of ['en', 'id']) expect(under(`/locales/${lang}`).length, lang).toBeGreaterThan(0)
    expect(under('/assets/samples').filter((e) => e.endsWith('.txt')).length).toBeGreaterThan(0)
    expect(has('/assets/icon.png')).toBe(true)
  })

  it('holds the runtime dependencies main imports, and theirs', () => {
    const packages = packagesIn()
    for (const name of ['lowdb', 'zod', 'steno', 'jsdom', 'parse5']) expect(packages.has(name), name).toBe(true)
    expect([...productionPackages].filter((name) => !packages.has(name))).toEqual([])
  })

  it('holds no devDependency', () => {
    const dev = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies
    const packages = packagesIn()
    // A name may ship as some production dependency's own copy (babel-traverse needs globals@9),
    // never at the version the project pins for development.
    const versionInAsar = (name: string): string =>
      (JSON.parse(extractFile(join(resources, 'app.asar'), `node_modules/${name}/package.json`).toString('utf8')) as { version: string }).version
    expect(Object.entries(dev).filter(([name, version]) => packages.has(name) && versionInAsar(name) === version)).toEqual([])
    for (const name of ['electron', 'vite', 'react', 'react-dom', 'vitest', 'typescript', 'electron-builder']) expect(packages.has(name), name).toBe(false)
  })

  it('holds no tests, TypeScript sources, source maps, build resources or README pictures', () => {
    expect(entries.filter((e) => /^\/(test|main|preload|renderer|assets\/build|assets\/screenshots)(\/|$)/.test(e))).toEqual([])
    expect(entries.filter((e) => /\.(ts|tsx|mts|cts|map)$/.test(e))).toEqual([])
  })

  it('leaves the Node build of better-sqlite3 out and ships the Electron build as resources/native', () => {
    expect(entries.filter((e) => e.endsWith('.node'))).toEqual([])
    expect(readFileSync(join(resources, 'native', 'better_sqlite3.node'), 'utf8')).toBe('stand-in')
  })
})
