import { isRecorded, type Effect } from '../model'
import type { ConsentState, ResolvedConfig } from '../types'

/** Sends the proof-of-consent receipt of a choice just stored (`receipts.url` is set). */
export type SendReceipt = (config: ResolvedConfig, state: ConsentState) => void

/** One receipt per choice made on this page; another tab's choice was receipted there. */
export const receipt =
  (config: ResolvedConfig, send: SendReceipt | undefined): Effect =>
  (state, _prev, cause) => {
    if (cause === 'local' && config.receipts && send && isRecorded(state)) send(config, state)
  }
