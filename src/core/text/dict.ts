/**
 * A record keyed by a user's text (a 序号, a department, a header, a sheet name): it has no prototype, so a
 * cell reading "constructor", "toString" or "__proto__" is a key like any other, never Object's own member.
 * ES5, for IE11, where Map is there but slower to build for the few keys most of these hold.
 */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
