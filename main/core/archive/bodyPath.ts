// Where an article's body file lives: `articles/<first two letters of the id>/<id>.json`. A module
// of its own so the search index's worker can find bodies without loading the archive.
import { join } from 'node:path'

export const ARTICLES_DIR = 'articles'

export const bodyPath = (dir: string, id: string): string => join(dir, ARTICLES_DIR, id.slice(0, 2), `${id}.json`)
