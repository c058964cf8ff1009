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

/** A labelled `<select>` of `options`, calling `onChange` with the chosen value. */
export function choice(
  label: string,
  id: string,
  options: readonly string[],
  value: string,
  onChange: (value: string) => void,
): HTMLLabelElement {
  const select = el(
    'select',
    { id },
    ...options.map((name) => el('option', { value: name, selected: name === value }, name)),
  );
  select.addEventListener('change', () => onChange(select.value));
  return el('label', { class: 'field', for: id }, el('span', {}, label), select);
}

/** A labelled numeric input; `onChange` gets only finite values. */
export function numberField(
  label: string,
  id: string,
  value: number,
  range: { min: number; max: number; step: number | 'any' },
  onChange: (value: number) => void,
): HTMLLabelElement {
  const input = el('input', {
    id,
    type: 'number',
    value: String(value),
    min: range.min,
    max: range.max,
    step: range.step,
  });
  input.addEventListener('change', () => {
    const parsed = Number(input.value);
    if (input.value !== '' && Number.isFinite(parsed) && parsed >= range.min && parsed <= range.max)
      onChange(parsed);
    else input.value = String(value);
  });
  return el('label', { class: 'field', for: id }, el('span', {}, label), input);
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
