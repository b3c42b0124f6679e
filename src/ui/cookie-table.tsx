import { h } from 'preact'
import type { CookieRow } from '../core/types'
import { localize } from '../i18n/localize'
import type { FullLocale } from './preferences-texts'

/**
 * The cookies of a category or service, folded away under a summary. Explicit table roles keep
 * the table a table for screen readers when narrow screens lay each row out as a card.
 */
export function CookieTable({ rows, locale }: { rows: CookieRow[]; locale: FullLocale }) {
  if (!rows.length) return null
  let { t, lang } = locale
  let columns = [t.cookieName, t.cookieProvider, t.cookiePurpose, t.cookieDuration]
  return (
    <details class="cg-cookies" part="cookie-table">
      <summary class="cg-summary">
        {t.cookieTable} ({rows.length})
      </summary>
      <table class="cg-table" role="table">
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((column) => (
              <th role="columnheader" scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr role="row">
              {[row.name, row.provider, localize(row.purpose, lang), localize(row.duration, lang)].map((cell) => (
                <td role="cell">{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
