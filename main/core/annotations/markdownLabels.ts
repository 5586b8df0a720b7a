// The Markdown export's words, taken from the `annotations` locale namespace so main, the CLI
// and the renderer all use one translation. `satisfies` makes a missing key fail tsc.
// The attribute lets plain Node ESM (the end-to-end tests' loader) import JSON; bundlers accept it too.
import annotationsEn from '../../../locales/en/annotations.json' with { type: 'json' }
import annotationsId from '../../../locales/id/annotations.json' with { type: 'json' }
import type { Language } from '../../../preload/contract'
import type { MarkdownLabels } from './markdownExport'

const labels = { en: annotationsEn.markdown, id: annotationsId.markdown } satisfies Record<Language, MarkdownLabels>

export const markdownLabels = (language: Language): MarkdownLabels => labels[language]
