/**
 * SheetSpec[] -> worksheets in this workbook: the summary sheets (总览, 按方面, ...). The same
 * SheetSpecs are written by the exceljs host; this is their Office.js rendering.
 *
 * Never touch what is not ours (docs/deploy.md): our summary sheets are the ones we created, as
 * recorded in the document settings (settings.ts SheetMarks). A re-run rewrites each of ours in
 * place (cleared, then written), never deleting it, so formulas in other sheets that point at it
 * keep working. A sheet of the same name that we did not create is never touched: ours takes a free
 * name (总览 (2)) and keeps it from then on.
 *
 * Cells with a `link` whose target sheet is in this workbook (and is not one of the sheets being
 * written) get an in-workbook hyperlink on ExcelApi 1.7; below it they keep their text alone.
 *
 * Syncs: one for the workbook's sheet names (ExcelApi 1.1), one for all the writes (more only past
 * ~4 MB of payload).
 */
import { CellStyle, SheetSpec, SpecLink, StyleKey } from '../core/types';
import { STYLES } from '../core/styles';
import { a1, cellText, colLetter, colNumber } from '../core/grid';
import { Batch, OfficeValue, charsToPoints, formatFor, rangeAddress, toOfficeValue, writeBlock } from './batch';
import { Capabilities, capabilities } from './caps';
import { addTextEqualsRule, applyStyle, hex } from './style';
import { addCharts } from './charts';
import { writePage } from './page';
import { SheetMarks, loadSheetMarks, recordSheetMarks } from './settings';

/**
 * A feature a summary sheet wanted and this Excel lacks (the pane words them in the user's
 * language): merges and column widths (ExcelApi 1.2), data bars (1.6), freeze panes and hyperlinks
 * (1.7), autofilter and print settings (1.9); hyperlinksPastCap when MAX_LINKS were written.
 */
export type SkippedFeature =
  | 'merges' | 'columnWidths' | 'dataBars' | 'freezePanes' | 'hyperlinks' | 'hyperlinksPastCap' | 'autoFilter' | 'printSettings'
  | 'chartOrder' | 'chartFormats' | 'rowHeights';

export interface WriteSheetsReport {
  syncs: number;
  /** The worksheets written, in the order of the specs: a spec's own name, or the free name it took. */
  sheets: string[];
  /** Our sheets of an earlier 生成汇总 that were cleared and written again in place. */
  rewritten: string[];
  /** Specs whose name a sheet of the user's already had: that sheet was left alone, ours is `sheet`. */
  renamed: { name: string; sheet: string }[];
  /** Features skipped because this Excel lacks them, each once. */
  skipped: SkippedFeature[];
  /** The workbook's worksheets before the write, in tab order. */
  existing: string[];
}

export interface StyleRect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  style: StyleKey;
}

/**
 * The styled cells of a spec as few rectangles as a simple sweep finds: runs along each row, then
 * identical runs on consecutive rows stacked. A 20,000-row ledger sheet gives a handful per column.
 */
export function styleRects(spec: SheetSpec): StyleRect[] {
  const done: StyleRect[] = [];
  let open: Record<string, StyleRect> = {};
  for (let r = 0; r < spec.rows.length; r++) {
    const row = spec.rows[r] || [];
    const next: Record<string, StyleRect> = {};
    let c = 0;
    while (c < row.length) {
      const cell = row[c];
      const s = cell && cell.s;
      if (!s) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < row.length && row[end + 1] && (row[end + 1] as { s?: StyleKey }).s === s) end++;
      const key = c + ':' + end + ':' + s;
      const prev = open[key];
      if (prev) {
        prev.r1 = r + 1;
        next[key] = prev;
        delete open[key];
      } else next[key] = { r0: r + 1, c0: c + 1, r1: r + 1, c1: end + 1, style: s };
      c = end + 1;
    }
    for (const k in open) done.push(open[k]);
    open = next;
  }
  for (const k in open) done.push(open[k]);
  return done;
}

/** Values and formats of a spec as full rectangles (width = its widest row). */
export function specMatrix(spec: SheetSpec): { values: OfficeValue[][]; formats: string[][]; width: number } {
  let width = 0;
  for (let i = 0; i < spec.rows.length; i++) width = Math.max(width, (spec.rows[i] || []).length);
  const values: OfficeValue[][] = [];
  const formats: string[][] = [];
  for (let i = 0; i < spec.rows.length; i++) {
    const row = spec.rows[i] || [];
    const vs: OfficeValue[] = [];
    const fs: string[] = [];
    for (let j = 0; j < width; j++) {
      const cell = row[j];
      const numFmt = cell && cell.s ? STYLES[cell.s].numFmt : undefined;
      vs.push(cell ? toOfficeValue(cell.v) : '');
      fs.push(cell ? formatFor(cell.v, numFmt) : 'General');
    }
    values.push(vs);
    formats.push(fs);
  }
  return { values, formats, width };
}

/** Cells of a rule's range whose text equals the rule's text, as vertical runs (static fallback). */
export function ruleCells(spec: SheetSpec, range: string, text: string): { r0: number; r1: number; c: number }[] {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(range);
  if (!m) return [];
  const c0 = colNumber(m[1]);
  const r0 = +m[2];
  const c1 = m[3] ? colNumber(m[3]) : c0;
  const r1 = m[4] ? Math.min(+m[4], spec.rows.length) : r0;
  const runs: { r0: number; r1: number; c: number }[] = [];
  for (let c = c0; c <= c1; c++) {
    let start = 0;
    for (let r = r0; r <= r1 + 1; r++) {
      const row = spec.rows[r - 1];
      const cell = r <= r1 && row ? row[c - 1] : null;
      const hit = !!cell && cellText(cell.v) === text;
      if (hit && !start) start = r;
      if (!hit && start) {
        runs.push({ r0: start, r1: r - 1, c });
        start = 0;
      }
    }
  }
  return runs;
}

/** A sheet name as a reference takes it: always quoted, a quote inside doubled ('It''s'!A1). */
export function quoteSheetName(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'";
}

/** The documentReference of an in-workbook link: "'整改台账'!C12". */
export function linkReference(link: SpecLink): string {
  return quoteSheetName(link.sheet) + '!' + link.cell;
}

/** The linked cells of a spec whose target is one of `targets` (lower-cased sheet names). */
export function specLinks(spec: SheetSpec, targets: Record<string, boolean>): { row: number; col: number; link: SpecLink; text: string | null }[] {
  const out: { row: number; col: number; link: SpecLink; text: string | null }[] = [];
  for (let i = 0; i < spec.rows.length; i++) {
    const row = spec.rows[i] || [];
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (!cell || !cell.link || !targets[cell.link.sheet.toLowerCase()]) continue;
      out.push({ row: i + 1, col: j + 1, link: cell.link, text: typeof cell.v === 'string' ? cell.v : null });
    }
  }
  return out;
}

/**
 * The most hyperlinks one writeSheets queues. Each is a range and a property set (~300 bytes), so
 * links on every row of a 20,000-item summary (~35,000 cells) would add ~10 MB, three syncs more;
 * capped they add ~0.6 MB, which leaves the syncs as they were up to ~12,000 items (measured with
 * the fake). The sheets come in order, so 逾期临期 and 检查问题 are linked first, then 汇总台账.
 * Past the cap a row keeps its 行号 / 单元格 text, which always says where the item is.
 */
export const MAX_LINKS = 2000;

/**
 * ExcelApi 1.7: one Range.hyperlink per linked cell, queued with the other writes. Text cells pass
 * their text as textToDisplay (it is what they show already); a number cell (行号) gets no
 * textToDisplay, which would turn its value into text, and keeps its number.
 * Returns how many links it wrote (at most `room`).
 */
async function writeLinks(batch: Batch, ws: Excel.Worksheet, spec: SheetSpec, targets: Record<string, boolean>, room: number): Promise<number> {
  const links = specLinks(spec, targets);
  const n = Math.min(links.length, room);
  for (let i = 0; i < n; i++) {
    const l = links[i];
    const hyperlink: Excel.RangeHyperlink = {
      documentReference: linkReference(l.link),
      screenTip: l.link.sheet + '!' + l.link.cell,
    };
    if (l.text !== null) hyperlink.textToDisplay = l.text;
    await batch.room(160 + 3 * (hyperlink.documentReference!.length + hyperlink.screenTip!.length + (l.text || '').length));
    ws.getRange(a1(l.row, l.col)).hyperlink = hyperlink;
  }
  return links.length;
}

/** Link targets (lower-cased sheet names) and how many links may still be written. */
interface LinkState {
  targets: Record<string, boolean>;
  room: number;
}

async function writeSpec(batch: Batch, ws: Excel.Worksheet, spec: SheetSpec, caps: Capabilities, skipped: SkippedFeature[],
  links: LinkState | null): Promise<void> {
  const m = specMatrix(spec);
  if (m.width > 0) await writeBlock(batch, ws, 1, 1, m.values, m.formats);

  if (links) {
    const wanted = await writeLinks(batch, ws, spec, links.targets, links.room);
    if (wanted > links.room) skipped.push('hyperlinksPastCap');
    links.room = Math.max(0, links.room - wanted);
  }

  const rects = styleRects(spec);
  for (let i = 0; i < rects.length; i++) {
    await batch.room(400);
    const r = rects[i];
    applyStyle(ws.getRange(rangeAddress(r.r0, r.c0, r.r1, r.c1)), STYLES[r.style], r.r1 - r.r0 + 1, r.c1 - r.c0 + 1);
  }

  if (spec.merges && spec.merges.length) {
    if (caps.merge) for (let i = 0; i < spec.merges.length; i++) ws.getRange(spec.merges[i]).merge(false); // ExcelApi 1.2
    else skipped.push('merges');
  }
  if (spec.widths && spec.widths.length) {
    if (caps.columnWidth) {
      // ExcelApi 1.2: column widths in points.
      for (let i = 0; i < spec.widths.length; i++) {
        const l = colLetter(i + 1);
        if (spec.widths[i]) ws.getRange(l + ':' + l).format.columnWidth = charsToPoints(spec.widths[i]);
      }
    } else skipped.push('columnWidths');
  }
  if (spec.freeze && (spec.freeze.rows || spec.freeze.cols)) {
    if (caps.freezePanes) {
      // ExcelApi 1.7
      const f = spec.freeze;
      if (f.rows && f.cols) ws.freezePanes.freezeAt(ws.getRange(rangeAddress(1, 1, f.rows, f.cols)));
      else if (f.rows) ws.freezePanes.freezeRows(f.rows);
      else ws.freezePanes.freezeColumns(f.cols);
    } else skipped.push('freezePanes');
  }
  if (spec.autoFilter) {
    if (caps.autoFilter) ws.autoFilter.apply(ws.getRange(spec.autoFilter)); // ExcelApi 1.9
    else skipped.push('autoFilter');
  }
  if (spec.print && caps.pageLayout) {
    // ExcelApi 1.9: A4, orientation, header rows repeated on each page.
    ws.pageLayout.paperSize = 'A4';
    ws.pageLayout.orientation = spec.print.landscape ? 'Landscape' : 'Portrait';
    if (spec.print.repeatRows) ws.pageLayout.setPrintTitleRows('$' + spec.print.repeatRows[0] + ':$' + spec.print.repeatRows[1]);
  } else if (spec.print) skipped.push('printSettings');
  if (spec.dataBars && spec.dataBars.length) {
    if (caps.conditionalFormats) {
      // ExcelApi 1.6: data bars over completion rates, scaled 0..100 %.
      for (let i = 0; i < spec.dataBars.length; i++) {
        const cf = ws.getRange(spec.dataBars[i]).conditionalFormats.add('DataBar');
        cf.dataBar.lowerBoundRule = { type: 'Number', formula: '0' };
        cf.dataBar.upperBoundRule = { type: 'Number', formula: '1' };
      }
    } else skipped.push('dataBars');
  }
  if (spec.rules && spec.rules.length) {
    for (let i = 0; i < spec.rules.length; i++) {
      const rule = spec.rules[i];
      const style: CellStyle = STYLES[rule.style];
      if (caps.conditionalFormats) addTextEqualsRule(ws.getRange(rule.range), rule.textEquals, style); // ExcelApi 1.6
      else {
        // ExcelApi 1.1 fallback: colour the matching cells now (static), run by run.
        const runs = ruleCells(spec, rule.range, rule.textEquals);
        for (let j = 0; j < runs.length; j++) {
          await batch.room(160);
          const range = ws.getRange(rangeAddress(runs[j].r0, runs[j].c, runs[j].r1, runs[j].c));
          if (style.fill) range.format.fill.color = hex(style.fill);
          if (style.color) range.format.font.color = hex(style.color);
        }
      }
    }
  }
}

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/** `name`, or `name (2)`, `name (3)`, ... : the first that no sheet in `taken` (lower-cased) has. */
export function freeSheetName(name: string, taken: Record<string, boolean>): string {
  if (!taken[name.toLowerCase()]) return name;
  for (let n = 2; ; n++) {
    const suffix = ' (' + n + ')';
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken[candidate.toLowerCase()]) return candidate;
  }
}

/** Where each spec goes: our recorded sheet (rewritten), its own name when free, or a free name. */
export interface SheetTarget {
  spec: SheetSpec;
  sheet: string;
  rewrite: boolean;
}

/**
 * The worksheet for each spec, given the workbook's sheet names and our record of the sheets we
 * created. A sheet we did not create is never a target, whatever its name.
 */
export function planTargets(specs: SheetSpec[], existing: string[], marks: SheetMarks): SheetTarget[] {
  const byLower: Record<string, string> = {};
  existing.forEach((n) => (byLower[n.toLowerCase()] = n));
  const taken: Record<string, boolean> = {};
  existing.forEach((n) => (taken[n.toLowerCase()] = true));
  const claimed: Record<string, boolean> = {};
  return specs.map((spec) => {
    const recorded = Object.prototype.hasOwnProperty.call(marks, spec.name) ? marks[spec.name] : null;
    const mine = recorded ? byLower[recorded.toLowerCase()] : undefined;
    if (mine && !claimed[mine.toLowerCase()]) {
      claimed[mine.toLowerCase()] = true;
      return { spec, sheet: mine, rewrite: true };
    }
    const sheet = freeSheetName(spec.name, taken);
    taken[sheet.toLowerCase()] = true;
    claimed[sheet.toLowerCase()] = true;
    return { spec, sheet, rewrite: false };
  });
}

/**
 * Empties one of our own sheets for a rewrite, keeping the sheet itself (and so every reference to
 * it): merges (1.2), conditional formats (1.6) and the autofilter (1.9) go where the API has them,
 * then the used range is cleared of values and formats (1.1).
 */
function clearOurSheet(ws: Excel.Worksheet, caps: Capabilities, charts: Excel.ChartCollection | null): void {
  // The charts an earlier run drew here (the sheet is ours, so every chart on it is ours).
  if (charts) for (let i = 0; i < charts.items.length; i++) charts.items[i].delete(); // ExcelApi 1.1
  const used = ws.getUsedRange();
  if (caps.merge) used.unmerge(); // ExcelApi 1.2
  if (caps.conditionalFormats) ws.getRange().conditionalFormats.clearAll(); // ExcelApi 1.6
  if (caps.autoFilter) ws.autoFilter.remove(); // ExcelApi 1.9
  used.clear(); // ExcelApi 1.1: 'All'
}

export function writeSheets(specs: SheetSpec[]): Promise<WriteSheetsReport> {
  const caps = capabilities();
  return Excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    const skipped: SkippedFeature[] = [];
    const anyLinks = specs.some((s) => s.rows.some((r) => !!r && r.some((c) => !!(c && c.link))));
    if (anyLinks && !caps.hyperlinks) skipped.push('hyperlinks');
    // Sync 1: the workbook's sheet names, and the charts an earlier run drew on the sheets we
    // recorded (ExcelApi 1.1). A recorded sheet the user has since deleted fails that sync: then
    // once more without the charts (nothing of ours is left there to clear).
    const marks = loadSheetMarks();
    const recordedNames: string[] = [];
    for (const k in marks) if (Object.prototype.hasOwnProperty.call(marks, k) && recordedNames.indexOf(marks[k]) < 0) recordedNames.push(marks[k]);
    const chartsOf: Record<string, Excel.ChartCollection> = {};
    sheets.load('items/name');
    recordedNames.forEach((name) => {
      const charts = sheets.getItem(name).charts;
      charts.load('items/name');
      chartsOf[name.toLowerCase()] = charts;
    });
    let readSyncs = 1;
    try {
      await ctx.sync();
    } catch (e) {
      if (!recordedNames.length) throw e;
      for (const k in chartsOf) delete chartsOf[k];
      sheets.load('items/name');
      await ctx.sync();
      readSyncs = 2;
    }
    const existing = sheets.items.map((ws) => ws.name);
    const targets = planTargets(specs, existing, marks);

    // Link targets: the sheets there were, except ours (recorded, or being written now).
    let links: LinkState | null = null;
    if (anyLinks && caps.hyperlinks) {
      const t: Record<string, boolean> = {};
      existing.forEach((n) => (t[n.toLowerCase()] = true));
      for (const k in marks) if (Object.prototype.hasOwnProperty.call(marks, k)) delete t[String(marks[k]).toLowerCase()];
      targets.forEach((x) => delete t[x.sheet.toLowerCase()]);
      links = { targets: t, room: MAX_LINKS };
    }

    // Recorded as ours before the first write: should Excel fail half-way, the sheets it made are
    // still ours, and the next run rewrites them in place rather than leaving them as the user's.
    const recorded: SheetMarks = {};
    for (const k in marks) if (Object.prototype.hasOwnProperty.call(marks, k)) recorded[k] = marks[k];
    targets.forEach((x) => (recorded[x.spec.name] = x.sheet));
    await recordSheetMarks(recorded);

    const batch = new Batch(ctx);
    await batch.room(64 * (targets.length + 1));
    let first: Excel.Worksheet | null = null;
    for (let i = 0; i < targets.length; i++) {
      const target = targets[i];
      let ws: Excel.Worksheet;
      if (target.rewrite) {
        ws = sheets.getItem(target.sheet);
        clearOurSheet(ws, caps, chartsOf[target.sheet.toLowerCase()] || null);
      } else ws = sheets.add(target.sheet);
      if (!first) first = ws;
      await writeSpec(batch, ws, target.spec, caps, skipped, links);
      await addCharts(batch, ws, target.spec, skipped); // charts.ts: the same charts the file writer draws
      await writePage(batch, ws, target.spec, skipped); // page.ts: merged rows' heights, the footer (1.9)
    }
    if (first) first.activate();
    await batch.room(1);
    await batch.flush();
    const uniq = skipped.filter((s, i) => skipped.indexOf(s) === i);
    return {
      syncs: batch.syncs + readSyncs,
      sheets: targets.map((x) => x.sheet),
      rewritten: targets.filter((x) => x.rewrite).map((x) => x.sheet),
      renamed: targets.filter((x) => x.sheet !== x.spec.name).map((x) => ({ name: x.spec.name, sheet: x.sheet })),
      skipped: uniq,
      existing,
    };
  });
}
