import { type ComponentChildren, h } from 'preact'

/**
 * A labelled switch for a category or service: a real checkbox with `role="switch"`, described by
 * its text. Required ones are checked, disabled and described as always on.
 */
export function Toggle(props: {
  id: string
  label: string
  description: string | undefined
  checked: boolean
  required: boolean
  alwaysOn: string
  onChange: (on: boolean) => void
  children?: ComponentChildren
}) {
  let { id, label, description, checked, required, alwaysOn, onChange, children } = props
  return (
    <li class="cg-category" part="category">
      <div class="cg-category-head">
        <label class="cg-category-label" for={id}>
          {label}
        </label>
        {required && (
          <span class="cg-always" id={id + '-always'}>
            {alwaysOn}
          </span>
        )}
        <input
          id={id}
          class="cg-switch"
          part="switch"
          type="checkbox"
          role="switch"
          checked={checked}
          disabled={required}
          aria-describedby={[required && id + '-always', description && id + '-desc'].filter(Boolean).join(' ') || undefined}
          onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
        />
      </div>
      {description && (
        <p class="cg-text cg-category-text" id={id + '-desc'}>
          {description}
        </p>
      )}
      {children}
    </li>
  )
}
