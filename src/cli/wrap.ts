/**
 * Lines for a terminal: widths in terminal cells (a Chinese character takes two), and long lines
 * wrapped at the terminal's width with a hanging indent, so that a finding's message continues
 * under its own column rather than at the left edge.
 */
import { charWidth } from '../core/text/width';

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0) as number);
  return w;
}

/** Characters a line may not start with (Chinese closing punctuation): they stay on the line before. */
const NO_START = /^[，。、；：？！）》」』”’…%,.;:?!)\]]/;

/** A line as units that are not split: a run of non-space narrow characters, one wide character, or spaces. */
function units(s: string): string[] {
  return s.match(/ +|[^\s\u1100-\uffff]+|[\s\S]/gu) || [];
}

/**
 * `line` wrapped to `width` cells: the continuation lines start `hang` cells in. A line that fits,
 * or a width too small to leave room past the indent (fewer than 20 cells), is returned as it is.
 */
export function wrapLine(line: string, width: number, hang: number): string {
  if (!width || displayWidth(line) <= width || width - hang < 20) return line;
  const room = width - hang;
  const pad = ' '.repeat(hang);
  const out: string[] = [];
  let current: string[] = [];
  let w = 0;
  const flush = () => {
    out.push(current.join('').replace(/ +$/, ''));
    current = [pad];
    w = hang;
  };
  for (const u of units(line)) {
    const uw = displayWidth(u);
    if (w + uw <= width || !current.join('').trim()) {
      current.push(u);
      w += uw;
      continue;
    }
    if (/^ +$/.test(u)) {
      flush();
      continue;
    }
    // Closing punctuation never starts a line: the character before it goes down with it.
    const carry: string[] = [];
    if (NO_START.test(u) && current.length > 2 && !/^ +$/.test(current[current.length - 1])) carry.push(current.pop() as string);
    flush();
    let rest = carry.join('') + u;
    // A word longer than the room is cut where the room ends.
    while (displayWidth(rest) > room) {
      let cut = '';
      for (const ch of rest) {
        if (displayWidth(cut + ch) > room) break;
        cut += ch;
      }
      out.push(pad + cut);
      rest = rest.slice(cut.length);
    }
    current.push(rest);
    w += displayWidth(rest);
  }
  if (current.join('').trim()) out.push(current.join('').replace(/ +$/, ''));
  return out.join('\n');
}

/** The hanging indent of a plain line: its own indent and two more. */
export function hangOf(line: string): number {
  return (/^ */.exec(line) as RegExpExecArray)[0].length + 2;
}

/** Every line of `text` wrapped at `width` (0: none); lines already broken by a table are left. */
export function wrapText(text: string, width: number): string {
  if (!width) return text;
  return text
    .split('\n')
    .map((l) => wrapLine(l, width, hangOf(l)))
    .join('\n');
}

/**
 * The width to wrap at for a stream: the terminal's, 80 when a terminal does not say; 0 (no
 * wrapping) for a pipe or a file, where each record stays one line for grep and scripts.
 */
export function wrapWidth(stream: { isTTY?: boolean; columns?: number }): number {
  if (!stream.isTTY) return 0;
  return stream.columns && stream.columns > 0 ? stream.columns : 80;
}
