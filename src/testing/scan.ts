/// <reference types="node" />
/**
 * `npx cookiegate scan <url> [--json]`: three fresh visits in Chromium (no choice, after Reject
 * all, after Accept all), each listing the cookies, storage keys and third-party hosts seen, matched
 * to the categories of the page's Cookiegate config, plus a suggested config for what nothing
 * names. Exit code 1 when anything optional appeared before a choice.
 */
import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { observe, visit } from './index'
import { classify, READ_CLAIMS, type Claims, type Finding } from './report'
import { watch } from './watch'

export interface Visit {
  name: 'no choice' | 'after Reject all' | 'after Accept all'
  /** False when the page has no Cookiegate to make the choice with. */
  ran: boolean
  findings: Finding[]
}

export interface ScanReport {
  url: string
  cookiegate: boolean
  visits: Visit[]
  /** Optional items (not listed by a required category) seen before any choice. */
  beforeChoice: Finding[]
  /** A `categories` block for every cookie and key that no category lists. */
  suggestion: Record<string, { cookies?: string[]; storage?: string[]; cookieTable?: { name: string; provider: string; duration: string }[] }>
}

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium'
]

/** `CHROMIUM_PATH`, else the usual system locations. */
export function findChromium(env = process.env): string {
  if (env.CHROMIUM_PATH) {
    if (existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH
    throw new Error(`cookiegate scan: CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist`)
  }
  let found = CANDIDATES.find((path) => existsSync(path))
  if (!found) throw new Error(`cookiegate scan: no Chromium or Chrome found (looked in ${CANDIDATES.join(', ')}); set CHROMIUM_PATH to one`)
  return found
}

// Where a tracker's names are well known, the suggestion groups them under the usual category.
const KNOWN: [RegExp, string, string][] = [
  [/^_ga(_.*)?$|^_gid$|^_gat/, 'analytics', '_ga*'],
  [/^ph_|^__ph/, 'analytics', 'ph_*'],
  [/^_pk_/, 'analytics', '_pk_*'],
  [/^_cl(ck|sk)$|^CLID$/, 'analytics', ''],
  [/^(ajs_|amplitude|mp_|_hj)/, 'analytics', ''],
  [/^_fb[pc]$|^fr$/, 'marketing', ''],
  [/^_gcl_/, 'marketing', '_gcl_*'],
  [/^_uet/, 'marketing', '_uet*'],
  [/^(_ttp|li_|IDE$|test_cookie$|MUID$)/, 'marketing', '']
]

function suggest(findings: Finding[]): ScanReport['suggestion'] {
  let out: ScanReport['suggestion'] = {}
  for (let f of findings) {
    if (f.category || f.kind === 'request') continue
    let known = KNOWN.find(([re]) => re.test(f.name))
    let category = known?.[1] ?? 'unclassified'
    let name = known?.[2] || f.name
    let entry = (out[category] ||= {})
    let list = f.kind === 'cookie' ? (entry.cookies ||= []) : (entry.storage ||= [])
    if (!list.includes(name)) list.push(name)
    if (f.kind === 'cookie' && !(entry.cookieTable ||= []).some((row) => row.name === f.name)) {
      let days = f.expires && f.expires > 0 ? Math.round((f.expires - Date.now() / 1000) / 86400) : -1
      entry.cookieTable!.push({ name: f.name, provider: f.where, duration: days < 0 ? 'session' : `${days} days` })
    }
  }
  return out
}

export async function scan(url: string, browser: Browser, progress: (message: string) => void = () => {}): Promise<ScanReport> {
  let visits: Visit[] = []
  progress(`visit 1/3: ${url}, no choice`)
  let context = await browser.newContext()
  let first = await observe(await context.newPage(), url)
  await context.close()
  visits.push({ name: 'no choice', ran: true, findings: first.findings })
  for (let [index, name, method] of [[2, 'after Reject all', 'rejectAll'], [3, 'after Accept all', 'acceptAll']] as const) {
    progress(`visit ${index}/3: ${url}, ${name}`)
    if (!first.claims) {
      visits.push({ name, ran: false, findings: [] })
      continue
    }
    let context = await browser.newContext()
    let page = await context.newPage()
    let watching = await watch(page)
    await visit(page, url)
    await page.evaluate((m) => (window as unknown as Record<string, Record<string, () => void>>).Cookiegate![m]!(), method)
    // The choice may load tags: wait for the page to be idle again.
    await visit(page, page.url())
    let claims = (await page.evaluate(READ_CLAIMS).catch(() => null)) as Claims | null
    visits.push({ name, ran: true, findings: classify(await watching.stop(), page.url(), claims) })
    await context.close()
  }
  let beforeChoice = first.findings.filter((f) => f.kind === 'request' || !f.required)
  return { url, cookiegate: !!first.claims, visits, beforeChoice, suggestion: suggest(visits.flatMap((v) => v.findings)) }
}

/** The report as a person reads it. */
export function format(report: ScanReport): string {
  let lines = [`Cookiegate scan of ${report.url}${report.cookiegate ? '' : ' (no Cookiegate on this page: everything is unclaimed)'}`]
  for (let v of report.visits) {
    lines.push('', `${v.name}${v.ran ? '' : ': not run (no Cookiegate to choose with)'}`)
    if (!v.ran) continue
    if (!v.findings.length) lines.push('  nothing')
    for (let f of v.findings) {
      let what = f.kind === 'request' ? 'request' : f.kind === 'cookie' ? 'cookie' : f.area!
      let party = f.thirdParty ? 'third-party' : 'first-party'
      lines.push(`  ${what.padEnd(14)} ${f.name.padEnd(28)} ${f.where.padEnd(30)} ${party.padEnd(11)} ${f.kept ? '' : 'removed again '}${f.category ?? 'UNCLAIMED'}`)
    }
  }
  lines.push('', report.beforeChoice.length ? `${report.beforeChoice.length} optional item(s) before any choice: exit 1` : 'Nothing optional before a choice.')
  if (Object.keys(report.suggestion).length) lines.push('', 'Suggested config for what no category lists:', JSON.stringify({ categories: report.suggestion }, null, 2))
  return lines.join('\n')
}

/** Extra Chromium flags (`COOKIEGATE_SCAN_ARGS`), split before each `--`, so values may hold spaces. */
export const chromiumArgs = (value = ''): string[] => value.trim().split(/\s+(?=--)/).filter(Boolean)

/** The command line: returns the exit code. */
export async function main(args: string[], out = process.stdout, err = process.stderr): Promise<number> {
  let [command, url, ...rest] = args
  let json = rest.includes('--json') || args.includes('--json')
  if (command !== 'scan' || !url || url.startsWith('-')) {
    err.write('usage: cookiegate scan <url> [--json]\n')
    return 2
  }
  try {
    new URL(url)
  } catch {
    err.write(`cookiegate scan: "${url}" is not a URL (give it with http:// or https://)\n`)
    return 2
  }
  let chromium
  try {
    ;({ chromium } = await import('playwright-core'))
  } catch {
    err.write('cookiegate scan: needs playwright-core (npm install -D playwright-core)\n')
    return 2
  }
  let browser: Browser
  try {
    browser = await chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: ['--headless', '--disable-gpu', '--no-first-run', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-background-networking', '--disable-component-update', '--disable-sync', ...chromiumArgs(process.env.COOKIEGATE_SCAN_ARGS)]
    })
  } catch (error) {
    err.write(`${(error as Error).message}\n`)
    return 2
  }
  try {
    let report = await scan(url, browser, (message) => err.write(`cookiegate scan: ${message}\n`))
    out.write((json ? JSON.stringify(report, null, 2) : format(report)) + '\n')
    return report.beforeChoice.length ? 1 : 0
  } catch (error) {
    err.write(`cookiegate scan: ${(error as Error).message}\n`)
    return 2
  } finally {
    await browser.close()
  }
}
