#!/usr/bin/env node
// Tiny on purpose: load the bundle, run, and set the exit code. Never
// process.exit() here: it would cut off output still flowing into a pipe.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
