// How titles are compared: loosely, because case, quotes and spacing differ between a headline,
// a related link and a feed item's title. Kept apart from archive.ts so the HTML extractor
// (which runs in a worker) and the story keys can use it without loading the archive.

/** Titles are matched loosely: case, quotes and spacing differ between a headline and a related link. */
export const normaliseTitle = (title: string): string =>
  title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
