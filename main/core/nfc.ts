// Unicode NFC, skipped where it cannot change anything: most news text, Indonesian or English,
// has no character from U+0300 up, and normalising copies the whole string through ICU.

/** Text without one is already NFC: no code point below U+0300 changes or composes with another. */
const MAY_CHANGE_UNDER_NFC = /[\u0300-\uffff]/

/** text.normalize('NFC'), without the copy when it cannot change. */
export function toNFC(text: string): string {
  return MAY_CHANGE_UNDER_NFC.test(text) ? text.normalize('NFC') : text
}
