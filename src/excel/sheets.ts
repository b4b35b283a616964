/**
 * SheetSpec[] -> new worksheets in this workbook: the summary sheets (总览, 按方面, ...). The
 * previous sheets of the same names are deleted first, so a re-run replaces rather than piles up.
 * The same SheetSpecs are written by the exceljs host; this is their Office.js rendering.
 *
 * Cells with a `link` whose target sheet is in this workbook (and is not one of the sheets being
 * written) get an in-workbook hyperlink on ExcelApi 1.7; below it they keep their text alone.
 *
 * Syncs: one to find the old sheets (and, when there are links, the workbook's sheet names, in the
 * same sync), one for all the writes (more only past ~4 MB of payload).
 */
import { CellStyle, SheetSpec, SpecLink, StyleKey } from '../core/types';
import { STYLES } from '../core/styles';
import { a1, cellText, colLetter } from '../core/grid';
import { Batch, OfficeValue, charsToPoints, formatFor, rangeAddress, toOfficeValue, writeBlock } from './batch';
import { Capabilities, capabilities } from './caps';
import { addTextEqualsRule, applyStyle, hex } from './style';
import { addCharts } from './charts';
import { writePage } from './page';

export interface WriteSheetsReport {
  syncs: number;
  sheets: string[];
  /** Names of earlier sheets that were deleted and written again. */
  replaced: string[];
  /** Features skipped because this Excel lacks them, e.g. 'freezePanes (ExcelApi 1.7)'. */
  skipped: string[];
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
  const col = (l: string) => {
    let n = 0;
    for (let i = 0; i < l.length; i++) n = n * 26 + (l.toUpperCase().charCodeAt(i) - 64);
    return n;
  };
  const c0 = col(m[1]);
  const r0 = +m[2];
  const c1 = m[3] ? col(m[3]) : c0;
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

async function writeSpec(batch: Batch, ws: Excel.Worksheet, spec: SheetSpec, caps: Capabilities, skipped: string[],
  links: LinkState | null): Promise<void> {
  const m = specMatrix(spec);
  if (m.width > 0) await writeBlock(batch, ws, 1, 1, m.values, m.formats);

  if (links) {
    const wanted = await writeLinks(batch, ws, spec, links.targets, links.room);
    if (wanted > links.room) skipped.push('hyperlinks past the first ' + MAX_LINKS);
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
    else skipped.push('merges (ExcelApi 1.2)');
  }
  if (spec.widths && spec.widths.length) {
    if (caps.columnWidth) {
      // ExcelApi 1.2: column widths in points.
      for (let i = 0; i < spec.widths.length; i++) {
        const l = colLetter(i + 1);
        if (spec.widths[i]) ws.getRange(l + ':' + l).format.columnWidth = charsToPoints(spec.widths[i]);
      }
    } else skipped.push('column widths (ExcelApi 1.2)');
  }
  if (spec.freeze && (spec.freeze.rows || spec.freeze.cols)) {
    if (caps.freezePanes) {
      // ExcelApi 1.7
      const f = spec.freeze;
      if (f.rows && f.cols) ws.freezePanes.freezeAt(ws.getRange(rangeAddress(1, 1, f.rows, f.cols)));
      else if (f.rows) ws.freezePanes.freezeRows(f.rows);
      else ws.freezePanes.freezeColumns(f.cols);
    } else skipped.push('freeze panes (ExcelApi 1.7)');
  }
  if (spec.autoFilter) {
    if (caps.autoFilter) ws.autoFilter.apply(ws.getRange(spec.autoFilter)); // ExcelApi 1.9
    else skipped.push('autofilter (ExcelApi 1.9)');
  }
  if (spec.print && caps.pageLayout) {
    // ExcelApi 1.9: A4, orientation, header rows repeated on each page.
    ws.pageLayout.paperSize = 'A4';
    ws.pageLayout.orientation = spec.print.landscape ? 'Landscape' : 'Portrait';
    if (spec.print.repeatRows) ws.pageLayout.setPrintTitleRows('$' + spec.print.repeatRows[0] + ':$' + spec.print.repeatRows[1]);
  }
  if (spec.dataBars && spec.dataBars.length) {
    if (caps.conditionalFormats) {
      // ExcelApi 1.6: data bars over completion rates, scaled 0..100 %.
      for (let i = 0; i < spec.dataBars.length; i++) {
        const cf = ws.getRange(spec.dataBars[i]).conditionalFormats.add('DataBar');
        cf.dataBar.lowerBoundRule = { type: 'Number', formula: '0' };
        cf.dataBar.upperBoundRule = { type: 'Number', formula: '1' };
      }
    } else skipped.push('data bars (ExcelApi 1.6)');
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

export function writeSheets(specs: SheetSpec[]): Promise<WriteSheetsReport> {
  const caps = capabilities();
  return Excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    const replaced: string[] = [];
    const skipped: string[] = [];
    const anyLinks = specs.some((s) => s.rows.some((r) => !!r && r.some((c) => !!(c && c.link))));
    // Links go only to sheets of this workbook; the names come with sync 1 (1.1 loads them anyway).
    const wantNames = anyLinks && caps.hyperlinks;
    if (anyLinks && !caps.hyperlinks) skipped.push('hyperlinks (ExcelApi 1.7)');
    // Sync 1: which of these names already exist.
    if (caps.nullObjects) {
      if (wantNames) sheets.load('items/name');
      // ExcelApi 1.4
      const probes = specs.map((s) => {
        const ws = sheets.getItemOrNullObject(s.name);
        ws.load('isNullObject');
        return { name: s.name, ws };
      });
      await ctx.sync();
      probes.forEach((p) => {
        if (!p.ws.isNullObject) {
          p.ws.delete();
          replaced.push(p.name);
        }
      });
    } else {
      // ExcelApi 1.1 fallback: list the names.
      sheets.load('items/name');
      await ctx.sync();
      const wanted: Record<string, boolean> = {};
      specs.forEach((s) => (wanted[s.name.toLowerCase()] = true));
      sheets.items.forEach((ws) => {
        if (wanted[ws.name.toLowerCase()]) {
          ws.delete();
          replaced.push(ws.name);
        }
      });
    }

    // Link targets: the sheets there were, except those being written now (replaced or new).
    let links: LinkState | null = null;
    if (wantNames) {
      const t: Record<string, boolean> = {};
      sheets.items.forEach((ws) => (t[ws.name.toLowerCase()] = true));
      specs.forEach((s) => delete t[s.name.toLowerCase()]);
      links = { targets: t, room: MAX_LINKS };
    }

    const batch = new Batch(ctx);
    await batch.room(64 * (replaced.length + 1));
    let first: Excel.Worksheet | null = null;
    for (let i = 0; i < specs.length; i++) {
      const ws = sheets.add(specs[i].name);
      if (!first) first = ws;
      await writeSpec(batch, ws, specs[i], caps, skipped, links);
      await addCharts(batch, ws, specs[i], skipped); // charts.ts: the same charts the file writer draws
      await writePage(batch, ws, specs[i], skipped); // page.ts: merged rows' heights, the footer (1.9)
    }
    if (first) first.activate();
    await batch.room(1);
    await batch.flush();
    const uniq = skipped.filter((s, i) => skipped.indexOf(s) === i);
    return { syncs: batch.syncs + 1, sheets: specs.map((s) => s.name), replaced, skipped: uniq };
  });
}
