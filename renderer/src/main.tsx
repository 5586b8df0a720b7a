// Starts the window: asks main which language to use, then renders the app in it.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import type { Language } from '../../preload/contract'
import { App } from './App'
import { request } from './bridge'
import { createI18n } from './i18n'
import './styles.css'
import './annotations/annotations.css'
import './search/search.css'
import './web/web.css'

const settings = await request('getSettings', {})
// Main decides from the OS locale; if it cannot answer, the browser's locale is the best guess.
const language: Language = settings.ok ? settings.value.language : /^(id|in|ms)\b/i.test(navigator.language) ? 'id' : 'en'
const i18n = await createI18n(language)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App startupError={settings.ok ? null : settings.error} />
    </I18nextProvider>
  </StrictMode>,
)
