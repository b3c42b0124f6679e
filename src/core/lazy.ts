/**
 * Parts of the core that only a choice being made needs. Here (npm builds) they are bundled and
 * run at once; the script-tag build swaps this module for src/lazy-iife.ts, which fetches them
 * from beside cookiegate.js, so a returning visitor's page view does not carry them.
 */
import type { ConsentState, ResolvedConfig } from './types'
import { sendChoice } from './receipts'

/** Sends the proof-of-consent receipt for a choice just stored (`receipts.url` is set). */
export const receipt = (config: ResolvedConfig, state: ConsentState): void => sendChoice(config, state)
