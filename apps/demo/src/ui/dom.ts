// Small DOM builders, so the views read as the structure they make.

type Attributes = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/**
 * An element with attributes (`class`, `data-*`, `aria-*`, properties like `value`) and children.
 *
 * @example
 * el('button', { class: 'primary', title: 'Play' }, '▶');
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (key in node && !key.includes('-') && key !== 'class' && key !== 'for') {
      (node as unknown as Record<string, unknown>)[key] = value;
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** An SVG element with attributes. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
): SVGElementTagNameMap[K] {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== false) node.setAttribute(key, String(value));
  }
  return node;
}

/**
 * A labelled `<select>` of `options`, calling `onChange` with the chosen value. `unusable` gives
 * the reason an option cannot be chosen now (it is shown disabled, the reason as its tooltip).
 */
export function choice(
  label: string,
  id: string,
  options: readonly string[],
  value: string,
  onChange: (value: string) => void,
  unusable: (name: string) => string | undefined = () => undefined,
  text: (name: string) => string = (name) => name,
): HTMLLabelElement {
  const select = el(
    'select',
    { id, 'aria-label': label === '' ? id.replace(/-/g, ' ') : undefined },
    ...options.map((name) => {
      const why = name === value ? undefined : unusable(name);
      return el(
        'option',
        { value: name, selected: name === value, disabled: why !== undefined, title: why },
        why === undefined ? text(name) : `${text(name)} (not usable here)`,
      );
    }),
  );
  select.addEventListener('change', () => onChange(select.value));
  return el('label', { class: 'field', for: id }, el('span', {}, label), select);
}

/**
 * A labelled numeric input; `onChange` gets only values in range. Anything else stays in the
 * field, marked invalid, with a message under it saying what is allowed (never silently reverted).
 */
export function numberField(
  label: string,
  id: string,
  value: number,
  range: { min: number; max: number; step: number | 'any'; integer?: boolean },
  onChange: (value: number) => void,
  disabled = false,
): HTMLLabelElement {
  const error = el('span', { class: 'field-error', id: `${id}-error`, role: 'status' });
  const input = el('input', {
    id,
    type: 'number',
    value: String(value),
    min: range.min,
    max: range.max,
    step: range.step,
    disabled,
    'aria-describedby': `${id}-error`,
  });
  input.addEventListener('change', () => {
    const parsed = Number(input.value);
    const whole = range.step === 1;
    const ok =
      input.value.trim() !== '' &&
      Number.isFinite(parsed) &&
      parsed >= range.min &&
      parsed <= range.max &&
      (!whole || Number.isInteger(parsed));
    input.setAttribute('aria-invalid', String(!ok));
    error.textContent = ok
      ? ''
      : `"${input.value}" is not ${whole ? 'a whole number' : 'a number'} from ${range.min} to ${range.max}; still using ${value}`;
    if (ok) onChange(parsed);
  });
  return el('label', { class: 'field', for: id }, el('span', {}, label), input, error);
}

/**
 * Runs `rebuild` (which replaces elements) and puts the keyboard focus back on the element with
 * the same id, so a keyboard user is not thrown to the top of the page after every change.
 */
export function keepingFocus(rebuild: () => void): void {
  const id = document.activeElement?.id;
  rebuild();
  if (id) document.getElementById(id)?.focus();
}

/** A labelled range slider showing its value. */
export function slider(
  label: string,
  id: string,
  value: number,
  range: { min: number; max: number; step: number },
  format: (value: number) => string,
  onChange: (value: number) => void,
): HTMLLabelElement {
  const shown = el('output', { for: id }, format(value));
  const input = el('input', {
    id,
    type: 'range',
    value: String(value),
    min: range.min,
    max: range.max,
    step: range.step,
  });
  input.addEventListener('input', () => {
    shown.textContent = format(Number(input.value));
  });
  input.addEventListener('change', () => onChange(Number(input.value)));
  return el('label', { class: 'field slider', for: id }, el('span', {}, label, ' ', shown), input);
}
