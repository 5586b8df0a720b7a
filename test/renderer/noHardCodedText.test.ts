// Words a person reads come from the locale files. This reads every component and fails on
// text written straight into JSX or into a label attribute, in either language.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const rendererDir = resolve(import.meta.dirname, '../../renderer/src')
const labelAttributes = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt'])
const hasLetters = (text: string): boolean => /\p{L}/u.test(text)

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.tsx') ? [join(dir, entry.name)] : [],
  )
}

function hardCodedText(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const found: string[] = []
  const where = (node: ts.Node): string => `${relative(rendererDir, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && hasLetters(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`)
    if (ts.isJsxAttribute(node) && labelAttributes.has(node.name.getText(source))) {
      const value = node.initializer
      const literal = value && ts.isStringLiteral(value) ? value : value && ts.isJsxExpression(value) && value.expression && ts.isStringLiteralLike(value.expression) ? value.expression : null
      if (literal && hasLetters(literal.text)) found.push(`${where(node)} ${node.name.getText(source)}="${literal.text}"`)
    }
    if (ts.isStringLiteralLike(node) && ts.isJsxExpression(node.parent) && ts.isJsxElement(node.parent.parent) && hasLetters(node.text)) {
      found.push(`${where(node)} text {"${node.text}"}`)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

describe('the renderer’s components', () => {
  const files = sourceFiles(rendererDir)

  it('are all checked', () => {
    expect(files.length).toBeGreaterThan(5)
  })

  it('write no words of their own: every text and label comes from t()', () => {
    expect(files.flatMap((file) => hardCodedText(file))).toEqual([])
  })

  it('would notice a hard-coded word or label', () => {
    const probe = join(rendererDir, 'components', 'Toolbar.tsx')
    const text = readFileSync(probe, 'utf8')
      .replace("{t('app.name')}", 'Warta')
      .replace("aria-label={t('language.switchLabel')}", 'aria-label="Language"')
    expect(hardCodedText(probe, text)).toHaveLength(2)
  })
})
