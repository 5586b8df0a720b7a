// jsdom adds ~90 MB to a process: main must not load it until a page or a feed is read.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

/** Runs a module script in a fresh Node (tsx) and returns what it printed. */
const inFreshProcess = (script: string): string =>
  execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), encoding: 'utf8' }).trim()

const loadedJsdom = `Object.keys((await import('node:module')).createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/jsdom/'))`

describe('loading jsdom', () => {
  it('is not done by starting the handlers, the archive and search', { timeout: 60_000 }, () => {
    const script = `
      await import('./main/core/handlers.ts')
      await import('./main/core/search/searchHost.ts')
      console.log(${loadedJsdom})`
    expect(inFreshProcess(script)).toBe('false')
  })

  it('is done by the first feed title that needs it, which then reads as plain text', { timeout: 60_000 }, () => {
    const script = `
      const { plainText } = await import('./main/core/feeds/feedDocument.ts')
      const before = ${loadedJsdom}
      const title = plainText('Banjir &amp; longsor <b>di</b> Garut')
      console.log(JSON.stringify({ before, title, after: ${loadedJsdom} }))`
    expect(JSON.parse(inFreshProcess(script))).toEqual({ before: false, title: 'Banjir & longsor di Garut', after: true })
  })
})
