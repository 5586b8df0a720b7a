// Entry point of `npm run -s warta -- <command>`.
import { runCli } from './runCli'

// `warta list | head` closes the pipe early; that ends the output, it is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit(process.exitCode ?? 0)
})

process.exitCode = await runCli(process.argv.slice(2))
