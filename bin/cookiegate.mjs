#!/usr/bin/env node
// `npx cookiegate scan <url> [--json]` (src/testing/scan.ts, built to dist/scan.mjs).
import { main } from '../dist/scan.mjs'

process.exitCode = await main(process.argv.slice(2))
