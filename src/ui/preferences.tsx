import { useRef, useState } from 'preact/hooks'
import type { Cookiegate, Texts } from '../core/types'
import { CATEGORY_TEXTS } from './texts'
import { Actions } from './actions'
import { Toggle } from './toggle'
import { useModal } from './use-modal'

/**
 * The preferences: a modal <dialog> (the rest of the page is inert while it is open) with a
 * switch per category. Esc and the close button leave without saving.
 */
export function Preferences({ cg, t }: { cg: Cookiegate; t: Texts }) {
  let { categories } = cg.config
  let ref = useRef<HTMLDialogElement>(null)
  // Start from the current choice; nothing optional is pre-ticked for a new visitor.
  let [choice, setChoice] = useState(() => ({ ...cg.consent.get().categories }))
  useModal(ref)

  return (
    <dialog
      ref={ref}
      class="cg-modal"
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
        <h2 id="cg-prefs-title" class="cg-title">
          {t.preferencesTitle}
        </h2>
        <button type="button" class="cg-close" aria-label={t.close} onClick={cg.close}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
            <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" fill="none" />
          </svg>
        </button>
      </div>
      <p id="cg-prefs-text" class="cg-text">
        {t.preferencesText}
      </p>
      <ul class="cg-categories">
        {categories.map((category) => (
          <Toggle
            key={category.name}
            category={category}
            label={category.label ?? CATEGORY_TEXTS[category.name]?.[0] ?? category.name}
            description={category.description ?? CATEGORY_TEXTS[category.name]?.[1]}
            checked={category.required || !!choice[category.name]}
            alwaysOn={t.alwaysOn}
            onChange={(on) => setChoice({ ...choice, [category.name]: on })}
          />
        ))}
      </ul>
      <Actions cg={cg} t={t}>
        <button type="button" class="cg-btn" onClick={() => cg.save(choice)}>
          {t.save}
        </button>
      </Actions>
    </dialog>
  )
}
