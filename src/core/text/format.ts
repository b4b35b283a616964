/** The one formatter of "{name}" templates. */

/** Each template split once into its text and "{name}" parts: [text, name, text, name, …, text]. */
const compiled = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    // The templates are the tables' sentences, a few hundred; the bound is only a guard.
    if (compiled.size < 2000) compiled.set(template, parts);
  }
  return parts;
}

/**
 * "{name}" -> params.name; a name without a value stays as written. A message is formatted for
 * each of tens of thousands of findings, so the template is parsed once (partsOf), not per call.
 */
export function format(template: string, params: Record<string, string | number>): string {
  const parts = partsOf(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i];
    out += (key in params ? String(params[key]) : '{' + key + '}') + parts[i + 1];
  }
  return out;
}
