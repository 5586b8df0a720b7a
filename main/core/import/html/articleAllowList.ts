// What a saved web article may keep, for both of its sanitisers: main's when the page is saved
// (articleSanitiser.ts) and the window's before it is shown (renderer/src/article/safeArticleHtml.ts).
// Pure, so the window's bundle holds this same list: text structure, links out and images;
// nothing that runs, loads, styles or submits.

/** Tags kept. h1, h5 and h6 are kept only to be renamed (h1 → h2, h5/h6 → h4) by main's layout pass. */
export const ARTICLE_TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote',
  'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'code', 'pre',
  'a', 'figure', 'figcaption', 'img',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  'br', 'hr',
] as const

/** Attributes kept; href and src are further checked by each sanitiser's hooks. No style, class or id. */
export const ARTICLE_ATTRIBUTES = ['href', 'src', 'alt', 'title', 'colspan', 'rowspan', 'start'] as const

/** The DOMPurify settings both share; each adds its hooks and how it returns the result. */
export const articlePurifyConfig = {
  ALLOWED_TAGS: [...ARTICLE_TAGS],
  ALLOWED_ATTR: [...ARTICLE_ATTRIBUTES],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Only these reach the hooks; DOMPurify drops every other scheme first.
  ALLOWED_URI_REGEXP: /^(?:https?:\/\/|media\/)/i,
  // Dropped with their content, on top of DOMPurify's own list (script, style, svg…).
  ADD_FORBID_CONTENTS: ['form', 'button', 'select', 'textarea', 'nav', 'aside', 'footer', 'dialog', 'object', 'embed', 'canvas', 'audio', 'video'],
  KEEP_CONTENT: true,
}
