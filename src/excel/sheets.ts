/**
 * SheetSpec[] -> worksheets in this workbook: the summary sheets (总览, 按方面, ...). The same
 * SheetSpecs are written as a file by src/xlsx (the command line) and src/xlsxlite (打开为新工作簿);
 * this is their Office.js rendering.
 *
 * Never touch what is not ours (docs/deploy.md): where each spec goes is planned by src/host/ours.ts
 * from our record of the sheets we created (src/host/settings.ts SheetMarks). A re-run rewrites each
 * of ours in place (cleared, then written), never deleting it, so formulas in other sheets that point
 * at it keep working. A sheet of the same name that we did not create is never touched: ours takes a
 * free name (总览 (2)) and keeps it from then on.
 *
 * Cells with a `link` whose target sheet is in this workbook (and is not one of the sheets being
 * written) get an in-workbook hyperlink on ExcelApi 1.7; below it they keep their text alone.
 *
 * Syncs: one for the workbook's sheet names (ExcelApi 1.1), one for all the writes (more only past
 * ~4 MB of payload).
 */
import { CellStyle, SheetSpec, STYLES, a1, colLetter } from '../core';
import { SkippedFeature, WriteSheetsReport } from '../host/host';
import { rangeAddress, ruleCells, specMatrix, styleRects } from '../host/cells';
import { MAX_LINKS, anyLinks, linkReference, linkTargets, specLinks } from '../host/links';
import { marksAfter, planTargets, recordedSheets } from '../host/ours';
import { Batch, charsToPoints, writeBlock } from './batch';
import { Capabilities, capabilities } from './caps';
import { addTextEqualsRule, applyStyle, hex } from './style';
import { addCharts } from './charts';
import { writePage } from './page';
import { loadSheetMarks, recordSheetMarks } from './settings';
import { emptyRecord } from '../host/settings';

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
    const linked = anyLinks(specs);
    if (linked && !caps.hyperlinks) skipped.push('hyperlinks');
    // Sync 1: the workbook's sheet names, and the charts an earlier run drew on the sheets we
    // recorded (ExcelApi 1.1). A recorded sheet the user has since deleted fails that sync: then
    // once more without the charts (nothing of ours is left there to clear).
    const marks = loadSheetMarks();
    const recordedNames = recordedSheets(marks);
    const chartsOf = emptyRecord<Excel.ChartCollection>();
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
    if (linked && caps.hyperlinks) links = { targets: linkTargets(existing, marks, targets.map((x) => x.sheet)), room: MAX_LINKS };

    // Recorded as ours before the first write: should Excel fail half-way, the sheets it made are
    // still ours, and the next run rewrites them in place rather than leaving them as the user's.
    await recordSheetMarks(marksAfter(marks, targets));

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
