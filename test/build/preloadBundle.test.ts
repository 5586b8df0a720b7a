// The built bundles as Electron will load them: a sandboxed preload can only require('electron'),
// so it must be one self-contained CommonJS file; main never falls back to file://.
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { builtFiles, ensureBuilt } from './builtApp'

let preload: string
let main: string
beforeAll(async () => {
  await ensureBuilt()
  preload = readFileSync(builtFiles.preload, 'utf8')
  main = readFileSync(builtFiles.main, 'utf8')
})

describe('Checklist 4 — the sandboxed preload bundle', () => {
  it('requires nothing but electron', () => {
    const required = [...preload.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])
    expect(required).toEqual(['electron'])
    expect(preload).not.toMatch(/\brequire\(\s*[^"'`\s]/) // no computed require either
  })

  it('is CommonJS, with no import statements a sandboxed preload could not run', () => {
    expect(preload).not.toMatch(/^\s*import\s|^\s*export\s|import\(/m)
  })

  it('stays tiny: zod and the contract schemas are not bundled into it', () => {
    expect(preload).not.toMatch(/zod|strictObject|safeParse/)
    expect(Buffer.byteLength(preload)).toBeLessThan(8 * 1024)
  })
})

describe('Checklist 18 — the main bundle', () => {
  it('never loads the renderer from a file', () => {
    expect(main).not.toMatch(/\.loadFile\(/)
    expect(main).toContain('registerSchemesAsPrivileged')
  })
})
