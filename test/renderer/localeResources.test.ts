import { describe, expect, it } from 'vitest'
import { resourcesFromModules } from '../../renderer/src/localeResources'

describe('bundled locale files as i18next resources', () => {
  it('makes one namespace per file and language, leaving out the CLI’s and the menu’s', () => {
    const resources = resourcesFromModules({
      '../../locales/en/translation.json': { default: { a: 'A' } },
      '../../locales/id/translation.json': { default: { a: 'A-id' } },
      '../../locales/en/errors.json': { default: { EMPTY: 'empty' } },
      '../../locales/en/cli.json': { default: { usage: 'u' } },
      '../../locales/en/menu.json': { default: { file: 'File' } },
    })
    expect(resources).toEqual({
      en: { translation: { a: 'A' }, errors: { EMPTY: 'empty' } },
      id: { translation: { a: 'A-id' } },
    })
  })
})
