// Issue 6, "nothing let in": every contract method, called through the real IPC registration
// (startWarta with the fake electron), from a forged sender and with missing, extra,
// wrong-typed and oversized fields. Each call must come back as a typed error — never an
// exception — before its handler runs, and the archive on disk must stay byte-identical.
// Methods and fields are taken from the contract, so a new method or field is covered as is.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { channelOf, contract, type Method, type Result } from '../../preload/contract'
import { feedIdOf } from '../../main/core/feeds/subscription'
import { hostileVariants, type VariantKind } from '../helpers/hostileInputs'
import { validInputs, type ValidInputs } from '../helpers/validInputs'
import { archiveBytes } from '../helpers/archiveFiles'
import { ipcHandlerFor, resetFakeElectron, type FakeFrame } from './fakeElectron'
import { startTestApp, type TestApp } from './startTestApp'

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule)

// Every key of the contract, not the exported `methods` list: a method added to the object is tested.
const everyMethod = Object.keys(contract) as Method[]

const top = (url: string): FakeFrame => ({ url, parent: null })
const appFrame = top('app://warta/index.html')

/** Senders that must never be served: other pages, other frames, a frame that is gone. */
const forgedFrames: [string, FakeFrame | null][] = [
  ['a page of another web origin', top('https://evil.example/index.html')],
  ['a subframe of the app page', { url: 'app://warta/index.html', parent: appFrame }],
  ['a foreign frame inside the app page', { url: 'https://ads.example/frame.html', parent: appFrame }],
  ['another host of the app scheme', top('app://evil/index.html')],
  ['a file:// page', top('file:///home/user/index.html')],
  ['a data: page', top('data:text/html,<script>1</script>')],
  ['about:blank in another window', top('about:blank')],
  ['a frame that is already gone', null],
]

let started: TestApp
let inputs: ValidInputs
/** How often each handler actually ran, counted by wrapping the app's own handler table. */
const ran = new Map<string, number>()
const tally = { calls: 0, byKind: new Map<string, number>(), methods: new Set<string>() }

beforeEach(async () => {
  resetFakeElectron()
  started = await startTestApp()
  // Something in the archive to (not) change; then count every handler run from here on.
  const samples = await call<{ outcomes: { status: string; article?: { id: string } }[] }>('importSamples', {})
  const articleId = samples.ok ? samples.value.outcomes[0]?.article?.id : undefined
  if (!articleId) throw new Error('the samples did not import')
  // Nothing here is fetched: every call below is refused before its handler runs.
  const feedUrl = 'http://127.0.0.1:9/feed.xml'
  inputs = validInputs({ articleId, pageUrl: 'http://127.0.0.1:9/page.html', feedUrl, feedId: feedIdOf(feedUrl) })
  ran.clear()
  const table = started.running.handlers as unknown as Record<string, (input: unknown) => Promise<unknown>>
  for (const method of Object.keys(table)) {
    const real = table[method] as (input: unknown) => Promise<unknown>
    table[method] = (input) => {
      ran.set(method, (ran.get(method) ?? 0) + 1)
      return real(input)
    }
  }
})
afterEach(async () => {
  await started.cleanup()
})
afterAll(() => {
  console.log(
    `ipc: ${tally.calls} hostile calls over ${tally.methods.size} methods (${[...tally.byKind].map(([k, n]) => `${n} ${k}`).join(', ')}); ` +
      'every one a typed error, no handler ran, archive byte-identical',
  )
})

async function call<T = unknown>(method: string, input: unknown, frame: FakeFrame | null = appFrame): Promise<Result<T>> {
  return (await ipcHandlerFor(channelOf(method as Method))({ senderFrame: frame }, input)) as Result<T>
}

/** Every file the archive keeps, byte for byte; the search index (index/) is derived data, rebuilt at will. */
const archiveFiles = (dir: string): Promise<Map<string, string>> => archiveBytes(dir, { skip: (path) => path.startsWith('index') })

/** The archive once the open's background backups have finished, so only the calls could change it. */
async function quietArchive(): Promise<Map<string, string>> {
  let previous = await archiveFiles(started.archiveDir)
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    const now = await archiveFiles(started.archiveDir)
    if (JSON.stringify([...now]) === JSON.stringify([...previous])) return now
    previous = now
  }
  throw new Error('the archive kept changing with no call made')
}

describe('every contract method, called through IPC with hostile input', () => {
  it('covers every method of the contract with an example input', () => {
    expect(Object.keys(inputs).sort()).toEqual([...everyMethod].sort())
    for (const method of everyMethod) expect(contract[method].input.safeParse(inputs[method]).success, method).toBe(true)
  })

  it('a call from the app page reaches its handler (the counting works)', async () => {
    expect(await call('getSettings', {})).toMatchObject({ ok: true })
    expect(await call('listArticles', inputs.listArticles)).toMatchObject({ ok: true })
    expect(Object.fromEntries(ran)).toEqual({ getSettings: 1, listArticles: 1 })
  })

  it.each(everyMethod)('%s: a forged sender gets FORBIDDEN and its valid input never reaches the handler', async (method) => {
    const before = await quietArchive()
    for (const [what, frame] of forgedFrames) {
      const result = await call(method, inputs[method], frame)
      expect(result, `${method} from ${what}`).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String), params: { method } } })
      count(method, 'forged sender')
    }
    expect(Object.fromEntries(ran)).toEqual({})
    expect(await archiveFiles(started.archiveDir)).toEqual(before)
  })

  it.each(everyMethod)('%s: missing, extra, wrong-typed and oversized fields get INVALID_INPUT, with nothing written', async (method) => {
    const variants = hostileVariants(contract[method].input, inputs[method])
    const fields = Object.keys((contract[method].input as unknown as { shape: object }).shape)
    // Every method has at least its extra-field variant; one with fields has the others too.
    expect(variants.some((v) => v.kind === 'extra')).toBe(true)
    if (fields.length > 0) expect(variants.some((v) => v.kind === 'wrongType')).toBe(true)
    const before = await quietArchive()
    for (const variant of variants) {
      let result: Result<unknown>
      try {
        result = await call(method, variant.input)
      } catch (e) {
        throw new Error(`${method} ${variant.kind} ${variant.path} threw instead of answering: ${String(e)}`, { cause: e })
      }
      expect(result, `${method} ${variant.kind} ${variant.path}`).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', params: { method } } })
      // The message names the method and stays small, however large the input was.
      if (!result.ok) expect(result.error.message.length, `${method} ${variant.kind} ${variant.path}`).toBeLessThan(4096)
      count(method, variant.kind)
    }
    expect(Object.fromEntries(ran)).toEqual({})
    expect(await archiveFiles(started.archiveDir)).toEqual(before)
  })
})

function count(method: string, kind: VariantKind | 'forged sender'): void {
  tally.calls++
  tally.methods.add(method)
  tally.byKind.set(kind, (tally.byKind.get(kind) ?? 0) + 1)
}
