import { Component, h } from 'preact'
import type { Category, Cookiegate, Service } from '../core/types'
import { Actions } from './actions'
import { CookieTable } from './cookie-table'
import { localize, nameLabel } from '../i18n/localize'
import type { Locale } from './locale'
import { modal } from './modal'
import { complete } from './preferences-texts'
import { Toggle } from './toggle'

/** The preferences' own styles, adopted beside the banner's when this chunk arrives. */
export { default as css } from '../../styles/preferences.css?inline'

interface Props {
  cg: Cookiegate
  locale: Locale
}

/**
 * The preferences: a modal <dialog> (the rest of the page is inert while it is open) with a
 * switch per category and per service, and their cookie tables. Esc and the close button leave
 * without saving. A class component whose state is the choice (category and service names to
 * booleans), so the UI needs no preact/hooks.
 */
export class Preferences extends Component<Props, Record<string, boolean>> {
  constructor(props: Props) {
    super(props)
    // Start from the current choice; nothing optional is pre-ticked for a new visitor.
    let state = props.cg.consent.get()
    this.state = { ...state.categories, ...state.services }
  }

  render() {
    let { cg } = this.props
    let locale = complete(this.props.locale)
    let { t, lang } = locale
    // In an opt-out region (US state laws) these are the "Your Privacy Choices": the same
    // switches, worded as an opt-out, and Reject all is the opt-out of sale and sharing.
    if (cg.config.jurisdiction === 'opt-out') t = { ...t, preferencesTitle: t.optOutTitle, preferencesText: t.optOutText, rejectAll: t.optOutReject }
    let choice = this.state
    // Config text in the visitor's language, else the built-in text for essential/analytics.
    let text = (item: Category | Service, i: 0 | 1) =>
      localize(i ? item.description : item.label, lang) ?? ('services' in item ? locale.categories[item.name]?.[i] : undefined)
    let toggle = (item: Category | Service, id: string, required: boolean, onChange: (on: boolean) => void) => (
      <Toggle
        key={item.name}
        id={id}
        label={text(item, 0) ?? nameLabel(item.name)}
        description={text(item, 1)}
        checked={required || !!choice[item.name]}
        required={required}
        alwaysOn={t.alwaysOn}
        onChange={onChange}
      >
        <CookieTable rows={item.cookieTable} locale={locale} />
        {'services' in item && item.services.length > 0 && (
          <ul class="cg-services">
            {item.services.map((service) =>
              toggle(service, `cg-svc-${service.name}`, required, (on) => {
                // A category is on while one of its services is.
                let next = { ...choice, [service.name]: on }
                next[item.name] = item.services.some((s) => next[s.name])
                this.setState(next)
              })
            )}
          </ul>
        )}
      </Toggle>
    )

    return (
      <dialog
        ref={modal}
        class="cg-modal"
        part="modal"
        aria-modal="true"
        aria-labelledby="cg-prefs-title"
        aria-describedby="cg-prefs-text"
        // Esc: the browser fires `cancel`; we close through the store so the banner can come back.
        onCancel={(event) => {
          event.preventDefault()
          cg.close()
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault()
            cg.close()
          }
        }}
      >
        <div class="cg-modal-head">
          <h2 id="cg-prefs-title" class="cg-title" part="title">
            {t.preferencesTitle}
          </h2>
          <button type="button" class="cg-close" part="close" aria-label={t.close} onClick={cg.close}>
            <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
              <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" fill="none" />
            </svg>
          </button>
        </div>
        <div class="cg-modal-body">
          <p id="cg-prefs-text" class="cg-text" part="text">
            {t.preferencesText}
          </p>
          <ul class="cg-categories">
            {cg.config.categories.map((category) =>
              // Switching a category switches all its services with it.
              toggle(category, `cg-cat-${category.name}`, category.required, (on) =>
                this.setState({ [category.name]: on, ...Object.fromEntries(category.services.map((s) => [s.name, on])) })
              )
            )}
          </ul>
        </div>
        <div class="cg-modal-foot">
          <Actions cg={cg} t={t}>
            <button type="button" class="cg-btn cg-btn-alt" part="button" onClick={() => cg.save(choice)}>
              {t.save}
            </button>
          </Actions>
        </div>
      </dialog>
    )
  }
}
