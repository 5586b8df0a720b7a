// Turns a selection in the plain text into the selectors an annotation keeps. Runs in main on
// the stored article text, so a renderer cannot store a quote the article never contained.
import { AppError } from '../errors'
import { annotationLimits, type TextPositionSelector, type TextQuoteSelector } from './model'

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/**
 * The quote and position of `plainText[start, end)`. Whitespace at either edge is dropped (a
 * selection dragged to the end of a paragraph picks up the separator), and an edge inside a
 * surrogate pair moves outward so no half emoji is stored.
 */
export function makeSelectors(
  plainText: string,
  start: number,
  end: number,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > plainText.length || start >= end) {
    throw new AppError('INVALID_INPUT', `The selection ${start}–${end} is not inside the article`, { start, end })
  }
  while (start < end && /\s/.test(plainText[start] as string)) start++
  while (end > start && /\s/.test(plainText[end - 1] as string)) end--
  if (start === end) throw new AppError('INVALID_INPUT', 'The selection holds only spaces', { start, end })
  if (start > 0 && isLowSurrogate(plainText.charCodeAt(start))) start--
  if (end < plainText.length && isHighSurrogate(plainText.charCodeAt(end - 1))) end++
  if (end - start > annotationLimits.maxQuoteLength) {
    // context picks errors.json's TOO_LARGE_highlight, which interpolates max.
    throw new AppError('TOO_LARGE', `A highlight can hold at most ${annotationLimits.maxQuoteLength} characters`, {
      context: 'highlight',
      max: annotationLimits.maxQuoteLength,
    })
  }
  let prefixStart = Math.max(0, start - annotationLimits.contextLength)
  if (prefixStart > 0 && isLowSurrogate(plainText.charCodeAt(prefixStart))) prefixStart++
  let suffixEnd = Math.min(plainText.length, end + annotationLimits.contextLength)
  if (suffixEnd < plainText.length && isHighSurrogate(plainText.charCodeAt(suffixEnd - 1))) suffixEnd--
  return {
    quote: {
      exact: plainText.slice(start, end),
      prefix: plainText.slice(prefixStart, start),
      suffix: plainText.slice(end, suffixEnd),
    },
    position: { start, end },
  }
}
