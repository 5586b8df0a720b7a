// electron-builder.yml, checked offline: against builder's own JSON schema and validator, and
// for what Warta needs of it — the right installers per OS, real icons, security fuses.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import yaml from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { APP_NAME } from '../../main/core/archiveLocation'
import { APP_ID, PRODUCT_NAME } from '../../main/electron/appIdentity'
import { ELECTRON_NATIVE_DIR, PACKAGED_NATIVE_DIR } from '../../main/electron/nativeModules'
import { repoRoot } from '../helpers/tempArchive'

type Target = { target: string; arch?: string[] }
interface BuilderConfig {
  appId: string
  productName: string
  directories: { output: string; buildResources: string }
  files: string[]
  asar: boolean
  npmRebuild: boolean
  extraResources: { from: string; to: string; filter: string[] }[]
  electronFuses: Record<string, boolean>
  mac: { category: string; icon: string; target: Target[] }
  win: { icon: string; target: Target[] }
  nsis: { deleteAppDataOnUninstall: boolean }
  linux: { icon: string; category: string; maintainer: string; target: Target[] }
  deb: { packageCategory: string }
}

const configText = readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')
const config = yaml.load(configText) as BuilderConfig
const schema = JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { productName: string; main: string }
const at = (path: string): string => join(repoRoot, path)

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('electron-builder.yml is valid', () => {
  it('matches app-builder-lib/scheme.json', () => {
    // builder's schema uses a custom `typeof` keyword; builder itself compiles with strict: false.
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it("passes electron-builder's own validateConfiguration", async () => {
    const { validateConfiguration } = (await import('app-builder-lib/out/util/config/config.js')) as unknown as {
      validateConfiguration: (c: unknown, logger: { isEnabled: boolean; add: () => void }) => Promise<void>
    }
    await expect(validateConfiguration(structuredClone(config), { isEnabled: false, add: () => {} })).resolves.toBeUndefined()
  })

  it('names the app as the code does (app id for the taskbar, product name for the data folder the CLI shares)', () => {
    expect(config.appId).toBe(APP_ID)
    expect(config.productName).toBe(PRODUCT_NAME)
    expect(packageJson.productName).toBe(APP_NAME)
    expect(packageJson.main).toBe('out/main/index.js')
    expect(config.directories.output).toBe('dist')
  })
})

describe('installers per OS', () => {
  const targets = (list: Target[]): string[] => list.map((t) => t.target)

  it('Windows: an NSIS installer that keeps the archive on uninstall', () => {
    expect(targets(config.win.target)).toEqual(['nsis'])
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false)
  })

  it('macOS: a dmg in the News category, for Intel and Apple silicon', () => {
    expect(targets(config.mac.target)).toEqual(['dmg'])
    expect(config.mac.target[0]?.arch).toEqual(['x64', 'arm64'])
    expect(config.mac.category).toBe('public.app-category.news')
  })

  it('Linux: AppImage and deb, under Network;News, with a maintainer', () => {
    expect(targets(config.linux.target)).toEqual(['AppImage', 'deb'])
    expect(config.linux.category).toBe('Network;News')
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+\.[a-z]+>$/)
    expect(config.deb.packageCategory).toBe('news')
  })
})

describe('icons', () => {
  it('has a 1024×1024 master PNG', () => {
    expect(pngSize(readFileSync(at('assets/icon.png')))).toEqual({ width: 1024, height: 1024 })
  })

  it('has a Linux icon set of square PNGs up to 512 px and beyond', () => {
    const dir = at(config.linux.icon)
    const names = readdirSync(dir)
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(names).toContain(`${size}x${size}.png`)
    for (const name of names) {
      const side = Number(name.split('x')[0])
      expect(pngSize(readFileSync(join(dir, name))), name).toEqual({ width: side, height: side })
    }
  })

  it('has a macOS .icns with a 1024 px (512@2x) entry', () => {
    const icns = readFileSync(at(config.mac.icon))
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    const types: string[] = []
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) types.push(icns.subarray(offset, offset + 4).toString('ascii'))
    expect(types).toEqual(expect.arrayContaining(['ic10', 'ic09', 'ic08', 'ic07']))
  })

  it('has a Windows .ico with a 256 px entry', () => {
    const ico = readFileSync(at(config.win.icon))
    expect(ico.readUInt16LE(2)).toBe(1)
    const count = ico.readUInt16LE(4)
    const widths = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + 16 * i) || 256)
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]))
  })
})

describe('Checklist 19 — check which fuses you can change', () => {
  it('turns off running as Node, NODE_OPTIONS and --inspect, and loads only an integrity-checked app.asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    })
    expect(config.asar).toBe(true)
  })
})

describe('what ships', () => {
  it('packs the bundles, translations and assets, and leaves out sources, tests, maps and build resources', () => {
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'out/**', 'locales/**', 'assets/**', '!assets/build/**', '!test/**', '!**/*.map']))
    expect(config.files.some((f) => f.startsWith('!') && f.includes('*.{ts'))).toBe(true)
  })

  it('never rebuilds node_modules in place, and ships the Electron native builds where main looks for them', () => {
    expect(config.npmRebuild).toBe(false)
    expect(config.extraResources).toEqual([{ from: `${ELECTRON_NATIVE_DIR}/\${platform}-\${arch}`, to: PACKAGED_NATIVE_DIR, filter: ['*.node'] }])
    expect(existsSync(at(config.directories.buildResources))).toBe(true)
  })
})
