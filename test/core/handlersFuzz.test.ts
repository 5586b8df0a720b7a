// Issue 6, "nothing let in": every handler, fed arbitrary JSON-ish values and mutated valid
// inputs through invoke() against a real archive in a temp directory, answers with a value its
// output schema accepts or with a typed error — never an exception, never INTERNAL (an
// unexpected throw inside a handler), never a polluted prototype — and the archive reopens
// afterwards with nothing to repair. Nothing leaves the machine: addresses point at a closed
// port on 127.0.0.1, and a DNS lookup of any other name fails the run.
// FUZZ_SEED=<n> replays a run; FUZZ_RUNS=<n> sets the cases per method (100 by default).
import dns from 'node:dns'
import { createServer, isIP } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { AppErrorData, contract, ErrorCode, type Method, type Result } from '../../preload/contract'
import { openArchive } from '../../main/core/archive/archive'
import { feedIdOf } from '../../main/core/feeds/subscription'
import { invoke } from '../../main/core/invoke'
import { allPaths, unwrap, withAt, type PathPart } from '../helpers/hostileInputs'
import { tempHost, type TempHost } from '../helpers/tempArchive'
import { validInputs, type ValidInputs } from '../helpers/validInputs'

const everyMethod = Object.keys(contract) as Method[]
const runsPerMethod = Number(process.env.FUZZ_RUNS ?? 100)
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)

let host: TempHost
let inputs: ValidInputs
let closedPort: number
let articleIds: string[] = []
const unexpected: string[] = []
const lookups: string[] = []
const tally = { cases: 0, ok: 0, codes: new Map<string, number>(), failedMethods: new Set<string>() }

/** A port nothing listens on: bound once by us, then closed. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

beforeAll(async () => {
  // Any lookup of a name (not an IP literal) is a request about to leave the machine: refuse it at once, and remember it.
  const realLookup = dns.lookup.bind(dns) as (...args: unknown[]) => void
  vi.spyOn(dns, 'lookup').mockImplementation(((hostname: string, ...rest: unknown[]) => {
    if (isIP(hostname) !== 0) return realLookup(hostname, ...rest)
    lookups.push(hostname)
    const callback = rest.at(-1) as (e: Error) => void
    process.nextTick(() => callback(Object.assign(new Error(`fuzz: no lookups (${hostname})`), { code: 'ENOTFOUND' })))
  }) as unknown as typeof dns.lookup)
  closedPort = await freePort()
  host = await tempHost({
    systemLocale: 'id-ID',
    context: {
      openExternal: async () => {},
      web: { timeouts: { timeoutMs: 2_000, connectTimeoutMs: 1_000 } },
    },
  })
  const samples = await invoke(host.handlers, 'importSamples', {})
  if (!samples.ok) throw new Error('the samples did not import')
  articleIds = (samples.value as { outcomes: { article?: { id: string } }[] }).outcomes.flatMap((o) => (o.article ? [o.article.id] : []))
  const offline = (path: string): string => `http://127.0.0.1:${closedPort}${path}`
  const feedUrl = offline('/feed.xml')
  inputs = validInputs({ articleId: articleIds[0] as string, pageUrl: offline('/page.html'), feedUrl, feedId: feedIdOf(feedUrl), opmlFeedUrl: offline('/opml-feed.xml') })
})

afterAll(async () => {
  vi.restoreAllMocks()
  await host?.cleanup()
  const codes = [...tally.codes].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(', ')
  console.log(
    `fuzz: ${tally.cases} cases over ${everyMethod.length} methods, ${tally.failedMethods.size} failures ` +
      `(seed ${seed}; ${tally.ok} ok, errors: ${codes}; ${lookups.length} DNS lookups refused)`,
  )
})

// -- what the fuzzer feeds in -----------------------------------------------------------------

/** Values IPC's structured clone can carry but JSON cannot, and keys that have bitten parsers before. */
const oddValues = [Number.NaN, Infinity, -Infinity, -0, undefined, 2n ** 70n, new Date(0), new Map([['a', 1]]), new Set([1]), new Uint8Array(3), /x/g]
const oddKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'a'.repeat(300)]

/** Every key the method's schema knows, at any depth, so arbitrary objects reach past the first check. */
function schemaKeys(schema: unknown, into = new Set<string>()): Set<string> {
  const inner = unwrap(schema as never) as unknown as { shape?: Record<string, unknown>; def: { element?: unknown } }
  if (inner.shape) {
    for (const [key, child] of Object.entries(inner.shape)) {
      into.add(key)
      schemaKeys(child, into)
    }
  }
  if (inner.def.element) schemaKeys(inner.def.element, into)
  return into
}

const stringValue = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.stringMatching(/^[a-z0-9]{16}$/),
    fc.stringMatching(/^[a-f0-9]{16}$/),
    fc.uuid(),
    fc.constantFrom(...articleIds),
    fc.constantFrom('', ' ', '\u0000', '../../../etc/passwd', 'C:\\Windows\\win.ini', '<script>window.__pwned=1</script>', 'lang:xx', 'before:', '"unclosed', '*', '-', 'is:', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'ftp://127.0.0.1/'),
    fc.integer({ min: 1, max: 20_000 }).map((n) => 'ж'.repeat(n)),
  )

const numberValue = (): fc.Arbitrary<number> =>
  fc.oneof(fc.integer(), fc.integer({ min: -2, max: 40 }), fc.double(), fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e308, 5e-324))

function jsonish(keys: readonly string[]): fc.Arbitrary<unknown> {
  const key = fc.oneof(fc.constantFrom(...keys, ...oddKeys), fc.string({ maxLength: 8 }))
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      stringValue(),
      numberValue(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(...oddValues),
      fc.array(tie('value'), { maxLength: 4 }),
      // fromEntries defines own keys, as JSON.parse and structured clone do: "__proto__" is a key, not the prototype.
      fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map((entries) => Object.fromEntries(entries)),
    ),
  }))
  return value
}

type Change = { kind: 'delete' } | { kind: 'replace'; value: unknown } | { kind: 'extra'; key: string; value: unknown }

function mutated(method: Method): fc.Arbitrary<unknown> {
  const valid = inputs[method]
  const keys = [...schemaKeys(contract[method].input)]
  // Fields the example leaves out are reachable too (an optional source, a refresh's feedId).
  const absent = Object.keys((unwrap(contract[method].input) as unknown as { shape: object }).shape).filter((k) => !Object.hasOwn(valid, k))
  const paths: PathPart[][] = [[], ...allPaths(valid), ...absent.map((k) => [k])]
  // Arbitraries are built once: building one (a regex for stringMatching) costs more than a case.
  const strings = stringValue()
  const numbers = numberValue()
  const values = jsonish(keys)
  const anyChange: fc.Arbitrary<Change> = fc.oneof(
    fc.constant({ kind: 'delete' as const }),
    fc.oneof(strings, numbers, values).map((value) => ({ kind: 'replace' as const, value })),
    fc.tuple(fc.constantFrom(...keys, ...oddKeys, 'unexpected'), values).map(([key, value]) => ({ kind: 'extra' as const, key, value })),
  )
  /** Mostly a value of the same type, so many inputs pass validation and reach the handler's own checks. */
  const sameType = (path: PathPart[]): fc.Arbitrary<Change> => {
    const current = path.reduce<unknown>((v, p) => (v as Record<PathPart, unknown> | undefined)?.[p], valid)
    const value = typeof current === 'string' ? strings : typeof current === 'number' ? numbers : typeof current === 'boolean' ? fc.boolean() : values
    return value.map((v) => ({ kind: 'replace' as const, value: v }))
  }
  const changeAt = paths.map((path) =>
    fc.oneof({ arbitrary: sameType(path), weight: 4 }, { arbitrary: anyChange, weight: 1 }).map((c): [PathPart[], Change] => [path, c]),
  )
  return fc.array(fc.oneof(...changeAt), { minLength: 1, maxLength: 3 }).map((changes) => {
    let input: unknown = structuredClone(valid)
    for (const [path, c] of changes) {
      if (path.length === 0 && c.kind !== 'extra') continue
      try {
        if (c.kind === 'delete') input = withAt(input, path, () => undefined, true)
        else if (c.kind === 'replace') input = withAt(input, path, () => c.value)
        else input = withAt(input, path, (o) => (o !== null && typeof o === 'object' ? Object.assign(structuredClone(o), { [c.key]: c.value }) : o))
      } catch {
        // An earlier change removed the parent of this path: the change does nothing.
      }
    }
    return input
  })
}

/** Any http(s) address pointed at the closed port: the fuzzer may write addresses, never reach one. */
function offline(value: unknown): unknown {
  if (typeof value === 'string') {
    if (!/^\s*https?:/i.test(value)) return value
    try {
      const url = new URL(value.trim())
      if (url.hostname === '127.0.0.1' && url.port === String(closedPort)) return value
      url.hostname = '127.0.0.1'
      url.port = String(closedPort)
      return url.href
    } catch {
      return value
    }
  }
  // Array.from, not map: an array given an own `constructor` key would break map's species lookup.
  if (Array.isArray(value)) return Array.from(value, (v) => offline(v))
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, offline(v)]))
  }
  return value
}

/** An input as fast-check reports it: its own printer trips over an own "constructor" key. */
class Case {
  constructor(readonly raw: unknown) {}
  [fc.toStringMethod](): string {
    try {
      const text = JSON.stringify(this.raw, (_key, value: unknown) =>
        typeof value === 'bigint' ? `${value}n` : value instanceof Map || value instanceof Set ? [...value] : value === undefined ? '(undefined)' : value,
      )
      return text === undefined ? String(this.raw) : text.length > 600 ? `${text.slice(0, 600)}… (${text.length} chars)` : text
    } catch {
      return Object.prototype.toString.call(this.raw)
    }
  }
}

/** The own keys of the prototypes every object and array shares, to notice pollution. */
const prototypeKeys = (): string => [Object.prototype, Array.prototype, Function.prototype].map((p) => Reflect.ownKeys(p).map(String).sort().join()).join('|')
const cleanPrototypes = prototypeKeys()

// -- what every answer must be ----------------------------------------------------------------

function checkAnswer(method: Method, result: Result<unknown>): string | null {
  if (result.ok) {
    const parsed = contract[method].output.safeParse(result.value)
    return parsed.success ? null : `ok, but the output breaks its schema: ${parsed.error.message.slice(0, 300)}`
  }
  if (!ErrorCode.safeParse(result.error.code).success) return `unknown error code ${String(result.error.code)}`
  if (!AppErrorData.safeParse(result.error).success) return `malformed error ${JSON.stringify(result.error).slice(0, 300)}`
  if (result.error.code === 'INTERNAL') return `INTERNAL: ${unexpected.at(-1) ?? result.error.message}`
  return null
}

describe('every handler under fuzzing', () => {
  it('counts an unexpected throw, an unknown code or an output off its schema as a failure', () => {
    expect(checkAnswer('getSettings', { ok: true, value: { language: 'en' } })).toBeNull()
    expect(checkAnswer('getSettings', { ok: false, error: { code: 'NOT_FOUND', message: 'x' } })).toBeNull()
    expect(checkAnswer('getSettings', { ok: true, value: { language: 'fr' } })).toMatch(/breaks its schema/)
    expect(checkAnswer('getSettings', { ok: false, error: { code: 'INTERNAL', message: 'x' } })).toMatch(/^INTERNAL/)
    expect(checkAnswer('getSettings', { ok: false, error: { code: 'OOPS' as never, message: 'x' } })).toMatch(/unknown error code/)
  })

  it.each(everyMethod)('%s answers every input with a valid value or a typed error', async (method) => {
    const keys = [...schemaKeys(contract[method].input)]
    const arbitrary = fc.oneof(
      { arbitrary: mutated(method), weight: 3 },
      { arbitrary: jsonish(keys), weight: 1 },
      { arbitrary: fc.constantFrom(undefined, null, '', 0, [], {}), weight: 1 },
    )
    try {
      await fc.assert(
        fc.asyncProperty(arbitrary.map((raw) => new Case(raw)), async ({ raw }) => {
          tally.cases++
          const input = offline(raw)
          let result: Result<unknown>
          try {
            result = await invoke(host.handlers, method, input, { log: (m, e) => unexpected.push(`${m}: ${e instanceof Error ? e.stack : String(e)}`) })
          } catch (e) {
            throw new Error(`invoke threw: ${String(e)}`, { cause: e })
          }
          if (result.ok) tally.ok++
          else tally.codes.set(result.error.code, (tally.codes.get(result.error.code) ?? 0) + 1)
          const problem = checkAnswer(method, result)
          if (problem) throw new Error(problem)
          // Nothing an input does reaches the shared prototypes.
          if (prototypeKeys() !== cleanPrototypes) throw new Error(`a prototype was polluted: ${prototypeKeys()}`)
        }),
        { numRuns: runsPerMethod, seed: seed + everyMethod.indexOf(method), endOnFailure: true },
      )
    } catch (e) {
      tally.failedMethods.add(method)
      throw e
    }
  })

  it('left an archive that reopens with nothing to repair, and made no lookups', async () => {
    const dir = host.dir
    await host.archive.close()
    const reopened = await openArchive(dir)
    try {
      expect(reopened.recoveryEvents).toEqual([])
      expect(reopened.size).toBeGreaterThanOrEqual(articleIds.length)
      for (const summary of reopened.list({ filter: 'all', offset: 0, limit: 500 }).items) await reopened.getArticle(summary.id)
    } finally {
      await reopened.close()
    }
    expect(lookups).toEqual([])
  })
})
