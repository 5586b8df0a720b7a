// The error codes saving from the web adds to the contract's list (preload/contract.ts), and
// the one place that raises them.
import { AppError, type ErrorParams } from '../errors'

export const webErrorCodes = [
  /** Not an http(s) address, or not an address at all. params: { url } */
  'BAD_URL',
  /** The network or the server failed (DNS, refused, reset, TLS, bad compression). params: { url, reason } */
  'FETCH_FAILED',
  /** No complete answer within the time allowed. params: { url, seconds } */
  'TIMEOUT',
  /** More redirects than allowed, or a loop. params: { url, max } */
  'TOO_MANY_REDIRECTS',
  /** The server answered with an error status. params: { url, status } */
  'HTTP_STATUS',
  /** The address serves something other than a web page. params: { url, type } */
  'NOT_HTML',
  /** Not an RSS, Atom or JSON feed (or an OPML list) Warta can read, or one it refuses for safety. params: { name } */
  'NOT_FEED',
  /** A page nested too deeply or built from too many elements to read safely. params: { name } */
  'TOO_COMPLEX',
  /** A subscription to this feed already exists. params: { url } */
  'ALREADY_SUBSCRIBED',
] as const
export type WebErrorCode = (typeof webErrorCodes)[number]

/** Codes this module raises that other features raise too. */
type SharedCode = 'TOO_LARGE' | 'EMPTY' | 'NOT_FOUND' | 'UNSUPPORTED'

export function webError(
  code: WebErrorCode | SharedCode,
  message: string,
  params: ErrorParams = {},
  options?: { cause?: unknown },
): AppError {
  return new AppError(code, message, params, options)
}

/** MiB as the TOO_LARGE message shows it. */
export const megabytes = (bytes: number): number => Math.round((bytes / (1024 * 1024)) * 10) / 10
