/**
 * DOM helpers for IE11 (no closest(), no NodeList.forEach, no framework) and the pane's three
 * lines of feedback: the message (the outcome), the notice (what is worth knowing besides), and
 * the progress bar.
 */
import { s } from './state';

export function $(id: string): HTMLElement {
  return document.getElementById(id) as HTMLElement;
}

export function input(id: string): HTMLInputElement {
  return document.getElementById(id) as HTMLInputElement;
}

export function select(id: string): HTMLSelectElement {
  return document.getElementById(id) as HTMLSelectElement;
}

export function el(tag: string, className?: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.appendChild(document.createTextNode(text));
  return e;
}

export function button(id: string, className: string, text: string): HTMLButtonElement {
  const b = el('button', className, text) as HTMLButtonElement;
  b.type = 'button';
  b.id = id;
  return b;
}

export function option(value: string, text: string, selected: boolean): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.text = text;
  if (selected) o.selected = true;
  return o;
}

export function clear(e: HTMLElement): void {
  while (e.firstChild) e.removeChild(e.firstChild);
}

export function show(e: HTMLElement, visible: boolean): void {
  if (visible) e.removeAttribute('hidden');
  else e.setAttribute('hidden', 'hidden');
}

export type Tone = 'ok' | 'warn' | 'error' | 'info';

export function message(text: string | HTMLElement | null, tone: Tone = 'info'): void {
  const box = $('tz-message');
  clear(box);
  if (!text) {
    show(box, false);
    return;
  }
  box.className = 'tz-message' + (tone === 'info' ? '' : ' tz-' + tone);
  if (typeof text === 'string') box.appendChild(document.createTextNode(text));
  else box.appendChild(text);
  show(box, true);
  // The box is at the top; the buttons of 生成督办单 and 对比上期 are far below it in a pane of 320
  // px: an answer the user cannot see is no answer.
  if (box.getBoundingClientRect().top < 0) box.scrollIntoView(true);
}

/** The second line, for what is worth knowing but is not the outcome (skipped formats, a renamed sheet). */
export function notice(lines: string[] | null): void {
  const box = $('tz-notice');
  clear(box);
  const list = lines || [];
  for (let i = 0; i < list.length; i++) box.appendChild(el('div', '', list[i]));
  show(box, list.length > 0);
}

export function progress(step: number, of: number, text: string): void {
  show($('tz-progress'), true);
  ($('tz-progress-bar') as HTMLElement).style.width = Math.round((step / of) * 100) + '%';
  $('tz-progress-text').innerText = text + '（' + s('step', { n: step, of }) + '）';
}

export function endProgress(): void {
  show($('tz-progress'), false);
}

/** Lets the browser paint the progress bar before a long synchronous step. */
export function paint(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}
