// The native menu, in the UI language. Strings come from locales/<lang>/menu.json, bundled at
// build time; the template is a plain value so tests read its labels and click its items.
import type { MenuItemConstructorOptions } from 'electron'
import type { Language } from '../../preload/contract'
import menuEn from '../../locales/en/menu.json'
import menuId from '../../locales/id/menu.json'

export type MenuStrings = typeof menuEn
export const menuStrings: Readonly<Record<Language, MenuStrings>> = Object.freeze({ en: menuEn, id: menuId })

/** What the menu's items do; the app wires them to dialogs, the archive and renderer events. */
export interface MenuActions {
  importFiles(): void
  /** The page's "Save from web address" dialog. */
  saveFromUrl(): void
  showLibrary(): void
  showBookmarks(): void
  showFeeds(): void
  toggleBookmark(): void
  setLanguage(language: Language): void
  about(): void
}

export interface MenuContext {
  language: Language
  platform: NodeJS.Platform
  appName: string
  /** Reload and devtools items, for an unpackaged app only. */
  developer: boolean
}

/** `{{name}}` placeholders (an i18next format such as `{{n, number}}` is read as plain `{{n}}`). */
export function fillTemplate(text: string, params: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g, (whole, key: string) => (Object.hasOwn(params, key) ? String(params[key]) : whole))
}

/** `&` marks a mnemonic on Windows and Linux; macOS has none, so it is dropped there (`&&` stays a literal `&`). */
export function menuLabel(text: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? text.replace(/&(&?)/g, '$1') : text
}

export function menuTemplate(context: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  const { language, platform, appName, developer } = context
  const s = menuStrings[language]
  const label = (text: string): string => menuLabel(text, platform)
  const mac = platform === 'darwin'

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { label: label(s.about), role: 'about' },
      { type: 'separator' },
      { label: s.hide, role: 'hide' },
      { label: s.hideOthers, role: 'hideOthers' },
      { label: s.showAll, role: 'unhide' },
      { type: 'separator' },
      { label: s.quitMac, role: 'quit' },
    ],
  }

  const file: MenuItemConstructorOptions = {
    label: label(s.file),
    submenu: [
      { id: 'import', label: label(s.import), accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
      { id: 'saveFromUrl', label: label(s.saveFromUrl), accelerator: 'CmdOrCtrl+L', click: () => actions.saveFromUrl() },
      ...(mac ? [] : [{ type: 'separator' } as const, { id: 'quit', label: label(s.quit), role: 'quit' } as const]),
    ],
  }

  // Without these roles, copy and paste shortcuts do nothing on macOS.
  const edit: MenuItemConstructorOptions = {
    label: label(s.edit),
    submenu: [
      { label: s.undo, role: 'undo' },
      { label: s.redo, role: 'redo' },
      { type: 'separator' },
      { label: s.cut, role: 'cut' },
      { label: s.copy, role: 'copy' },
      { label: s.paste, role: 'paste' },
      { label: s.selectAll, role: 'selectAll' },
    ],
  }

  const languageItem = (lang: Language, text: string): MenuItemConstructorOptions => ({
    id: `language-${lang}`,
    label: text,
    type: 'radio',
    checked: lang === language,
    click: () => actions.setLanguage(lang),
  })

  const view: MenuItemConstructorOptions = {
    label: label(s.view),
    submenu: [
      { id: 'library', label: label(s.library), accelerator: 'CmdOrCtrl+1', click: () => actions.showLibrary() },
      { id: 'bookmarks', label: label(s.bookmarks), accelerator: 'CmdOrCtrl+2', click: () => actions.showBookmarks() },
      { id: 'feeds', label: label(s.feeds), accelerator: 'CmdOrCtrl+3', click: () => actions.showFeeds() },
      { type: 'separator' },
      {
        id: 'language',
        label: label(s.language),
        submenu: [languageItem('id', s.languageId), languageItem('en', s.languageEn)],
      },
      ...(developer
        ? [
            { type: 'separator' } as const,
            { label: s.reload, role: 'reload' } as const,
            { label: s.developerTools, role: 'toggleDevTools' } as const,
          ]
        : []),
    ],
  }

  const article: MenuItemConstructorOptions = {
    label: label(s.article),
    submenu: [
      { id: 'toggleBookmark', label: label(s.toggleBookmark), accelerator: 'CmdOrCtrl+D', click: () => actions.toggleBookmark() },
    ],
  }

  const windowMenu: MenuItemConstructorOptions = {
    label: label(s.window),
    submenu: [
      { label: s.minimize, role: 'minimize' },
      { label: s.close, role: 'close' },
    ],
  }

  const help: MenuItemConstructorOptions = {
    label: label(s.help),
    role: 'help',
    submenu: [{ id: 'about', label: label(s.about), click: () => actions.about() }],
  }

  return mac ? [appMenu, file, edit, view, article, windowMenu, help] : [file, edit, view, article, help]
}
