import type { Category } from '../core/types'

/**
 * A labelled switch for one category: a real checkbox with `role="switch"`, described by the
 * category's text. Required categories are checked, disabled and say so.
 */
export function Toggle(props: {
  category: Category
  label: string
  description: string | undefined
  checked: boolean
  alwaysOn: string
  onChange: (on: boolean) => void
}) {
  let { category, label, description, checked, alwaysOn, onChange } = props
  let id = `cg-cat-${category.name}`
  return (
    <li class="cg-category">
      <div class="cg-category-head">
        <label class="cg-category-label" for={id}>
          {label}
        </label>
        {category.required && (
          <span class="cg-always" id={id + '-always'}>
            {alwaysOn}
          </span>
        )}
        <input
          id={id}
          class="cg-switch"
          type="checkbox"
          role="switch"
          checked={checked}
          disabled={category.required}
          aria-describedby={[category.required && id + '-always', description && id + '-desc'].filter(Boolean).join(' ') || undefined}
          onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
        />
      </div>
      {description && (
        <p class="cg-text cg-category-text" id={id + '-desc'}>
          {description}
        </p>
      )}
    </li>
  )
}
