#!/usr/bin/env node
// The `deltanet` executable.
import { runCli } from './cli';
import { processIo } from './io';

// `deltanet predict … | head`: the reader left; stop quietly as other Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
