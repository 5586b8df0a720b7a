import { describe, expect, it } from 'vitest'
import { isTextEntry, shortcutFor, type KeyPress } from '../../renderer/src/keyboardShortcuts'

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  typing: false,
  ...extra,
})
const browser = { mac: false, menuHandlesBookmarkAccelerator: false }

describe('keyboard shortcuts', () => {
  it('bookmarks with B, in either case', () => {
    expect(shortcutFor(press('b'), browser)).toBe('toggleBookmark')
    expect(shortcutFor(press('B', { shiftKey: true }), browser)).toBe('toggleBookmark')
  })

  it('leaves B alone while the person is typing a title', () => {
    expect(shortcutFor(press('b', { typing: true }), browser)).toBeNull()
  })

  it('bookmarks with Ctrl+D, or Cmd+D on a Mac', () => {
    expect(shortcutFor(press('d', { ctrlKey: true }), browser)).toBe('toggleBookmark')
    expect(shortcutFor(press('d', { metaKey: true }), { ...browser, mac: true })).toBe('toggleBookmark')
    expect(shortcutFor(press('d', { metaKey: true }), browser)).toBeNull()
  })

  it('lets the native menu own Ctrl+D in Electron, so one press toggles once', () => {
    expect(shortcutFor(press('d', { ctrlKey: true }), { ...browser, menuHandlesBookmarkAccelerator: true })).toBeNull()
    expect(shortcutFor(press('b'), { ...browser, menuHandlesBookmarkAccelerator: true })).toBe('toggleBookmark')
  })

  it('goes back to the library with Esc or Alt+Left', () => {
    expect(shortcutFor(press('Escape'), browser)).toBe('back')
    expect(shortcutFor(press('ArrowLeft', { altKey: true }), browser)).toBe('back')
    expect(shortcutFor(press('ArrowLeft'), browser)).toBeNull()
  })

  it('highlights the selection with H, or Ctrl+Shift+H (Cmd+Shift+H on a Mac), but not while typing a note', () => {
    expect(shortcutFor(press('h'), browser)).toBe('highlight')
    expect(shortcutFor(press('H', { ctrlKey: true, shiftKey: true }), browser)).toBe('highlight')
    expect(shortcutFor(press('H', { metaKey: true, shiftKey: true }), { ...browser, mac: true })).toBe('highlight')
    expect(shortcutFor(press('h', { ctrlKey: true }), browser)).toBeNull()
    expect(shortcutFor(press('h', { typing: true }), browser)).toBeNull()
    expect(shortcutFor(press('H', { ctrlKey: true, shiftKey: true, typing: true }), browser)).toBeNull()
  })

  it('opens "Save from web address" with Ctrl+L (Cmd+L on a Mac), even from a text field, unless the native menu owns it', () => {
    expect(shortcutFor(press('l', { ctrlKey: true }), browser)).toBe('saveFromUrl')
    expect(shortcutFor(press('L', { ctrlKey: true, typing: true }), browser)).toBe('saveFromUrl')
    expect(shortcutFor(press('l', { metaKey: true }), { ...browser, mac: true })).toBe('saveFromUrl')
    expect(shortcutFor(press('l'), browser)).toBeNull()
    expect(shortcutFor(press('l', { ctrlKey: true, shiftKey: true }), browser)).toBeNull()
    expect(shortcutFor(press('l', { ctrlKey: true }), { ...browser, menuHandlesSaveFromUrlAccelerator: true })).toBeNull()
  })

  it('does not take Ctrl+B or other browser shortcuts', () => {
    expect(shortcutFor(press('b', { ctrlKey: true }), browser)).toBeNull()
    expect(shortcutFor(press('d', { ctrlKey: true, shiftKey: true }), browser)).toBeNull()
  })
})

describe('what counts as typing', () => {
  it('is text fields, text areas and editable content, not buttons or checkboxes', () => {
    expect(isTextEntry({ tagName: 'INPUT', type: 'text' })).toBe(true)
    expect(isTextEntry({ tagName: 'input', type: 'search' })).toBe(true)
    expect(isTextEntry({ tagName: 'TEXTAREA' })).toBe(true)
    expect(isTextEntry({ tagName: 'DIV', isContentEditable: true })).toBe(true)
    expect(isTextEntry({ tagName: 'INPUT', type: 'checkbox' })).toBe(false)
    expect(isTextEntry({ tagName: 'BUTTON' })).toBe(false)
    expect(isTextEntry({ tagName: 'A' })).toBe(false)
    expect(isTextEntry(null)).toBe(false)
  })
})
