// jsdom, loaded the first time a page or a feed is read rather than when main starts: it adds
// ~90 MB to the process, which a reader who never saves a web page should not carry (most pages
// are read in the extraction worker, so main may never need it at all).
import { createRequire } from 'node:module'
import type * as JsdomModule from 'jsdom'

type Jsdom = typeof JsdomModule

let loaded: Jsdom | null = null

export function jsdom(): Jsdom {
  loaded ??= createRequire(import.meta.url)('jsdom') as Jsdom
  return loaded
}
