// jsdom adds ~90 MB to a process: main must not load it until a page or a feed is read.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

/** Runs a module script in a fresh Node (tsx), where `loadedJsdom()` says whether jsdom is loaded; returns what it printed. */
const inFreshProcess = (script: string): string => {
  const prelude = `
    const moduleCache = (await import('node:module')).createRequire(import.meta.url).cache
    const loadedJsdom = () => Object.keys(moduleCache).some((k) => k.includes('/node_modules/jsdom/'))`
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', prelude + script], { cwd: process.cwd(), encoding: 'utf8' }).trim()
}

describe('loading jsdom', () => {
  it('is not done by starting the handlers, the archive and search', { timeout: 60_000 }, () => {
    const script = `
      await import('./main/core/handlers.ts')
      await import('./main/core/search/searchHost.ts')
      console.log(loadedJsdom())`
    expect(inFreshProcess(script)).toBe('false')
  })

  it('is done once the page reader is prepared (the Save from URL dialog opened), after the answer', { timeout: 60_000 }, () => {
    const script = `
      const { createWebServices } = await import('./main/core/web/webServices.ts')
      const services = createWebServices({})
      const ready = services.warmUp()
      const atAnswer = loadedJsdom()
      await ready
      await new Promise((resolve) => setImmediate(resolve))
      console.log(JSON.stringify({ atAnswer, after: loadedJsdom() }))`
    expect(JSON.parse(inFreshProcess(script))).toEqual({ atAnswer: false, after: true })
  })

  it('is done by the first feed title that needs it, which then reads as plain text', { timeout: 60_000 }, () => {
    const script = `
      const { plainText } = await import('./main/core/feeds/feedDocument.ts')
      const before = loadedJsdom()
      const title = plainText('Banjir &amp; longsor <b>di</b> Garut')
      console.log(JSON.stringify({ before, title, after: loadedJsdom() }))`
    expect(JSON.parse(inFreshProcess(script))).toEqual({ before: false, title: 'Banjir & longsor di Garut', after: true })
  })
})
