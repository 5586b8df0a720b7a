// Electron entry (built to out/main/index.js). Two things must happen before the app is ready:
// sandboxing every renderer and registering the app:// scheme as privileged.
import { app, protocol } from 'electron'
import { registerAppScheme } from './appProtocol'
import { startWarta } from './wartaApp'

app.enableSandbox()
registerAppScheme(protocol)

startWarta().catch((e: unknown) => {
  console.error('warta: could not start', e)
  app.exit(1)
})
