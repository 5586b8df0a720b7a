// Which app command a key press means. Kept free of the DOM's event classes so the rules can
// be tested directly: single letters never fire while the person is typing.
export type ShortcutCommand = 'toggleBookmark' | 'back' | 'highlight' | 'focusSearch' | 'saveFromUrl'

export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
  /** True when the focus is in a text field, where letters are text, not commands. */
  typing: boolean
}

export interface ShortcutContext {
  /** In Electron the native menu's CmdOrCtrl+D accelerator already sends toggleBookmark. */
  menuHandlesBookmarkAccelerator: boolean
  /** In Electron the native menu's CmdOrCtrl+L accelerator already sends saveFromUrl. */
  menuHandlesSaveFromUrlAccelerator?: boolean
  /** macOS uses Cmd where other systems use Ctrl. */
  mac: boolean
}

export function shortcutFor(press: KeyPress, context: ShortcutContext): ShortcutCommand | null {
  const primary = context.mac ? press.metaKey : press.ctrlKey
  const otherModifier = context.mac ? press.ctrlKey : press.metaKey
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key

  if (key === 'd' && primary && !otherModifier && !press.altKey && !press.shiftKey) {
    return context.menuHandlesBookmarkAccelerator ? null : 'toggleBookmark'
  }
  // Ctrl/Cmd+L: an address, as in a browser's location bar; from inside a text field too.
  if (key === 'l' && primary && !otherModifier && !press.altKey && !press.shiftKey) {
    return context.menuHandlesSaveFromUrlAccelerator ? null : 'saveFromUrl'
  }
  // Ctrl/Cmd+F finds, as everywhere; it works from inside a text field too.
  if (key === 'f' && primary && !otherModifier && !press.altKey && !press.shiftKey) return 'focusSearch'
  if (press.typing) return null
  if (key === '/' && !press.ctrlKey && !press.metaKey && !press.altKey) return 'focusSearch'
  if (key === 'b' && !press.ctrlKey && !press.metaKey && !press.altKey) return 'toggleBookmark'
  // H, or Ctrl/Cmd+Shift+H: highlight the selected text (the reader ignores it when nothing is selected).
  if (key === 'h' && !press.ctrlKey && !press.metaKey && !press.altKey) return 'highlight'
  if (key === 'h' && primary && press.shiftKey && !otherModifier && !press.altKey) return 'highlight'
  if (key === 'Escape' && !press.ctrlKey && !press.metaKey && !press.altKey && !press.shiftKey) return 'back'
  if (key === 'ArrowLeft' && press.altKey && !press.ctrlKey && !press.metaKey && !press.shiftKey) return 'back'
  return null
}

/** Whether an element takes typed text (so B is a letter there, not a bookmark). */
export function isTextEntry(element: { tagName: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!element) return false
  if (element.isContentEditable) return true
  const tag = element.tagName.toUpperCase()
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag !== 'INPUT') return false
  const nonText = ['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'image', 'range', 'color']
  return !nonText.includes((element.type ?? 'text').toLowerCase())
}
