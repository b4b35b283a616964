/**
 * The summary workbook and the 督办单 as written files, read back twice: with exceljs, and with a
 * second reader that unzips the file and reads its XML (helpers/xlsx-xml.ts). Every figure is checked
 * against the checked items themselves, not against the Summary that produced it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { FLAG_LABELS } from '../../src/core/labels';
import { splitDepartments } from '../../src/core/summary';
import { CheckedItem, CheckResult } from '../../src/core/types';
import { noticeFileNames, safeFileName, summarizeFiles, SummaryRun } from '../../src/cli/run-summary';
import { parseRef, readXlsxXml, serialToIso, XmlSheet, XmlValue, XmlWorkbook } from './helpers/xlsx-xml';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples', '整改台账-示例.xlsx');
const SAMPLE_TWO = path.join(ROOT, 'samples', '整改台账-示例-二.xlsx');
const OPTS = { asOf: '2022-07-15', start: '2022-02-24' };
const SHEETS = ['总览', '按方面', '按牵头部门', '逾期临期', '检查问题', '汇总台账', '通报提纲'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-summary-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function allItems(results: CheckResult[]): CheckedItem[] {
  return results.reduce((list, r) => list.concat(r.items), [] as CheckedItem[]);
}

/** The value right of a label in column A (the 总览 layout). */
function valueOf(s: XmlSheet, label: string): XmlValue {
  const row = s.rows.filter((r) => r[0] === label)[0];
  if (!row) throw new Error('no row ' + label + ' on ' + s.name);
  return row[1];
}

/** The header row of a list sheet: the row above the frozen pane. */
function headerRow(s: XmlSheet): number {
  const m = /<pane [^>]*ySplit="(\d+)"/.exec(s.xml);
  if (!m) throw new Error('no frozen pane on ' + s.name);
  return Number(m[1]);
}

/** The rows below the header as records keyed by header text (the 合计 row left out). */
function records(s: XmlSheet): Record<string, XmlValue>[] {
  const h = headerRow(s);
  const names = s.rows[h - 1].map(String);
  return s.rows
    .slice(h)
    .filter((r) => r.some((v) => v !== null) && r[0] !== '合计')
    .map((r) => {
      const o: Record<string, XmlValue> = {};
      names.forEach((n, i) => (o[n] = r[i] === undefined ? null : r[i]));
      return o;
    });
}

const count = (items: CheckedItem[], test: (i: CheckedItem) => boolean) => items.filter(test).length;

/** Every hyperlink of a file: its sheet, cell, location attribute and relationship target. */
async function hyperlinksOf(file: string): Promise<{ sheet: string; ref: string; target: string }[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out: { sheet: string; ref: string; target: string }[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await (zip.file(name) as JSZip.JSZipObject).async('string');
    const relsFile = zip.file(name.replace('worksheets/', 'worksheets/_rels/') + '.rels');
    const rels = relsFile ? await relsFile.async('string') : '';
    const re = /<hyperlink ([^>]*)\/>/g;
    for (let m = re.exec(xml); m; m = re.exec(xml)) {
      const attr = (a: string) => (new RegExp('\\b' + a + '="([^"]*)"').exec(m![1]) || [])[1] || '';
      const rid = attr('r:id');
      const rel = rid ? new RegExp('<Relationship [^>]*Id="' + rid + '"[^>]*>').exec(rels) : null;
      const target = attr('location') || (rel ? (/Target="([^"]*)"/.exec(rel[0]) || [])[1] || '' : '');
      out.push({ sheet: name, ref: attr('ref'), target });
    }
  }
  return out;
}

/** The sheet a '#'Sheet'!A1' / 'Sheet!A1' link target names (unescaped, quotes undone). */
function targetSheet(target: string): string {
  const t = target.replace(/&apos;/g, "'").replace(/&amp;/g, '&').replace(/^#/, '');
  const bang = t.lastIndexOf('!');
  const sheet = bang >= 0 ? t.slice(0, bang) : t;
  return /^'.*'$/.test(sheet) ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

describe('the summary workbook of the sample', () => {
  let run: SummaryRun;
  let book: XmlWorkbook;
  const out = path.join(dir, 'sample-summary.xlsx');
  const notices = path.join(dir, 'notices-one');

  beforeAll(async () => {
    run = await summarizeFiles([SAMPLE], { ...OPTS, out, notices });
    book = await readXlsxXml(out);
  });

  it('has the seven sheets in order, and nothing was left beside it', () => {
    expect(book.sheets.map((s) => s.name)).toEqual(SHEETS);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('总览: every number agrees with the items', () => {
    const items = allItems(run.results);
    const o = book.sheet('总览');
    const flag = (f: string) => count(items, (i) => i.flag === f);
    const immediate = items.filter((i) => i.deadline.kind === 'immediate');
    const findings = run.results[0].findings;
    const expected: Record<string, number> = {
      整改措施总数: items.length,
      已完成: flag('done'),
      '其中：已销号': count(items, (i) => i.flag === 'done' && i.state === 'closed'),
      '其中：已完成待销号': count(items, (i) => i.flag === 'done' && i.state !== 'closed'),
      基本完成: count(items, (i) => i.state === 'basically-done'),
      逾期: flag('overdue'),
      临期: flag('due-soon'),
      正常推进: flag('on-track'),
      长期坚持: flag('long-term'),
      无期限: flag('no-deadline'),
      '立行立改：整改措施': immediate.length,
      '立行立改：已完成': count(immediate, (i) => i.flag === 'done'),
      '立行立改：逾期': count(immediate, (i) => i.flag === 'overdue'),
      '立行立改：临期': count(immediate, (i) => i.flag === 'due-soon'),
      '检查问题：错误': findings.filter((f) => f.severity === 'error').length,
      '检查问题：警告': findings.filter((f) => f.severity === 'warning').length,
      方面数: new Set(items.map((i) => i.aspect)).size,
      问题数: new Set(items.map((i) => i.aspect + '|' + i.problem)).size,
    };
    for (const label of Object.keys(expected)) expect([label, valueOf(o, label)]).toEqual([label, expected[label]]);
    expect(valueOf(o, '完成率')).toBeCloseTo(flag('done') / items.length, 10);
    expect(serialToIso(valueOf(o, '截至日期') as number)).toBe('2022-07-15');
    // The sample as the demo shows it.
    expect([items.length, flag('done'), flag('overdue'), flag('due-soon')]).toEqual([40, 10, 6, 3]);
    // The six flag counts add up to the total.
    expect(flag('done') + flag('overdue') + flag('due-soon') + flag('on-track') + flag('long-term') + flag('no-deadline')).toBe(items.length);
  });

  it('逾期临期 lists every overdue and due-soon item once, with its source, and nothing else', () => {
    const items = allItems(run.results);
    const lagging = items.filter((i) => i.flag === 'overdue' || i.flag === 'due-soon');
    const rows = records(book.sheet('逾期临期'));
    expect(rows.map((r) => r['来源文件'] + '#' + r['行号']).sort()).toEqual(lagging.map((i) => '整改台账-示例.xlsx#' + i.row).sort());
    for (const r of rows) {
      const item = lagging.filter((i) => i.row === r['行号'])[0];
      expect(r['期限状态']).toBe(FLAG_LABELS.zh[item.flag]);
      expect(r['牵头部门']).toBe(item.leadDept);
      expect(r['整改措施']).toBe(item.measure);
      expect(serialToIso(r['截止日期'] as number)).toBe(item.due);
      if (item.flag === 'overdue') expect(r['逾期天数']).toBe(-(item.daysLeft as number));
      else expect(r['剩余天数']).toBe(item.daysLeft);
    }
    // Most overdue first.
    const overdue = rows.filter((r) => r['期限状态'] === '逾期').map((r) => r['逾期天数'] as number);
    expect(overdue).toEqual(overdue.slice().sort((a, b) => b - a));
  });

  it('按牵头部门 names every lead department, and its counts agree with the items', () => {
    const items = allItems(run.results);
    const rows = records(book.sheet('按牵头部门'));
    const depts = new Set<string>();
    items.forEach((i) => splitDepartments(i.leadDept).forEach((d) => depts.add(d)));
    const named = rows.map((r) => r['牵头部门'] as string);
    expect(named.filter((n) => n !== '（未填写）').sort()).toEqual(Array.from(depts).sort());
    expect(named.indexOf('（未填写）') >= 0).toBe(items.some((i) => splitDepartments(i.leadDept).length === 0));
    for (const r of rows) {
      const mine = items.filter((i) =>
        r['牵头部门'] === '（未填写）' ? splitDepartments(i.leadDept).length === 0 : splitDepartments(i.leadDept).indexOf(r['牵头部门'] as string) >= 0,
      );
      expect([r['牵头部门'], r['整改措施数'], r['逾期'], r['临期'], r['已完成']]).toEqual([
        r['牵头部门'], mine.length, count(mine, (i) => i.flag === 'overdue'), count(mine, (i) => i.flag === 'due-soon'), count(mine, (i) => i.flag === 'done'),
      ]);
    }
    // 合计 is the totals.
    const total = book.sheet('按牵头部门').rows.filter((r) => r[0] === '合计')[0];
    expect(total[2]).toBe(items.length);
  });

  it('汇总台账 has every item with a fresh 序号 and its 来源文件', () => {
    const items = allItems(run.results);
    const rows = records(book.sheet('汇总台账'));
    expect(rows.map((r) => r['序号'])).toEqual(items.map((_i, k) => k + 1));
    expect(rows.map((r) => r['整改措施'])).toEqual(items.map((i) => i.measure));
    expect(new Set(rows.map((r) => r['来源文件']))).toEqual(new Set(['整改台账-示例.xlsx']));
  });

  it('通报提纲 reads as the report for the sample', () => {
    const lines = book.sheet('通报提纲').rows.map((r) => r[0]).filter((v) => v !== null);
    expect(lines[0]).toBe('通报提纲');
    expect(lines[1]).toBe('截至2022年7月15日，共4个方面14个问题40项整改措施，已完成10项（其中已销号1项），基本完成5项，逾期6项，完成率25.0%。');
    expect(lines.slice(2, 7)).toEqual([
      '一、党的领导不够坚强有力，落实党的理论路线方针政策和党中央重大决策部署不到位',
      '（一）学习贯彻落实习近平新时代中国特色社会主义思想不够深入',
      '1.严格落实第一议题制度，每次党组会议首先学习习近平总书记最新重要讲话精神【已完成】',
      '2.制定党组理论学习中心组年度学习计划，每季度至少开展1次专题研讨【已完成】',
      '3.督促各党支部通过“三会一课”、主题党日加强政治理论学习【长期坚持】',
    ]);
    expect(lines).toContain('1.加强专题调研，形成深化粤港澳合作调研报告【逾期15天，牵头部门：政策研究处】');
    expect(lines).toContain('二、贯彻落实全面从严治党战略部署有差距');
    expect(lines.filter((l) => /^[一二三四五六七八九十]+、/.test(String(l)))).toHaveLength(4);
    // One line per measure, and one 逾期 marker per overdue item.
    expect(lines.filter((l) => /^\d+\./.test(String(l)))).toHaveLength(40);
    expect(lines.filter((l) => /【逾期\d+天/.test(String(l)))).toHaveLength(6);
  });

  it('exceljs reads the same values as the XML reader', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEETS);
    for (const s of book.sheets) {
      const ws = wb.getWorksheet(s.name) as ExcelJS.Worksheet;
      for (const ref of Object.keys(s.cells)) {
        const c = ws.getCell(ref);
        // exceljs reports a merge's master value in every cell of the merge.
        if (c.isMerged && c.master.address !== ref) continue;
        const v = c.value;
        const x = s.cells[ref];
        if (v instanceof Date) expect(v.toISOString().slice(0, 10)).toBe(serialToIso(x as number));
        else expect([s.name, ref, v]).toEqual([s.name, ref, x]);
      }
    }
  });

  it('prints on A4 landscape fitted to width with the header repeated, and freezes below the header', () => {
    for (const s of book.sheets) {
      expect(s.xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
      expect(s.xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
      const h = headerRow(s);
      expect(s.xml).toMatch(/<pane [^>]*state="frozen"/);
      const index = book.sheets.indexOf(s);
      const title = new RegExp('<definedName name="_xlnm.Print_Titles" localSheetId="' + index + '">&apos;' + s.name + '&apos;!\\$' + h + ':\\$' + h + '</definedName>');
      expect(book.workbookXml).toMatch(title);
    }
    expect(headerRow(book.sheet('总览'))).toBe(3);
    expect(headerRow(book.sheet('逾期临期'))).toBe(1);
  });

  it('colours flags with Good / Neutral / Bad rules, and rates with data bars every Excel version reads', async () => {
    const lagging = book.sheet('逾期临期');
    for (const label of ['已完成', '逾期', '临期']) expect(lagging.xml).toContain('TRIM(B2)=&quot;' + label + '&quot;');
    const ledger = book.sheet('汇总台账');
    expect(ledger.xml).toMatch(/<conditionalFormatting sqref="L2:L41"><cfRule type="expression"/);
    for (const name of ['按方面', '按牵头部门']) {
      const s = book.sheet(name);
      const rows = records(s).length;
      // The Excel 2007 data bar, 0% to 100%, on the rate column; no link to an extension that is not there.
      expect(s.xml).toContain('<conditionalFormatting sqref="J2:J' + (rows + 1) + '"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="num" val="0"/><cfvo type="num" val="1"/><color rgb="FF638EC6"/></dataBar></cfRule></conditionalFormatting>');
      expect(s.xml).not.toContain('x14:id');
    }
    // Excel's Good / Neutral / Bad colours, as differential styles.
    const styles = await readStyles(out);
    for (const [font, fill] of [['FF006100', 'FFC6EFCE'], ['FF9C5700', 'FFFFEB9C'], ['FF9C0006', 'FFFFC7CE']]) {
      expect(styles).toContain('<dxf><font><color rgb="' + font + '"/></font><fill><patternFill patternType="solid"><bgColor rgb="' + fill + '"/>');
    }
  });

  it('has no broken internal links: the ledgers are other files, so 逾期临期/检查问题/汇总台账 carry their 行号/单元格 as plain values', async () => {
    const links = await hyperlinksOf(out);
    expect(links.filter((l) => SHEETS.indexOf(targetSheet(l.target)) < 0)).toEqual([]);
    expect(links).toEqual([]);
    // The 行号 column is still the row number, as a number.
    const rows = records(book.sheet('汇总台账')).map((r) => r['行号']);
    expect(rows).toEqual(allItems(run.results).map((i) => i.row));
    for (const n of run.notices) expect(await hyperlinksOf(n.file)).toEqual([]);
  });

  it('writes a 督办单 for exactly the departments with overdue or due-soon items', async () => {
    const items = allItems(run.results);
    const lagging = new Set<string>();
    items.filter((i) => i.flag === 'overdue' || i.flag === 'due-soon').forEach((i) => splitDepartments(i.leadDept).forEach((d) => lagging.add(d)));
    const files = fs.readdirSync(notices).sort();
    expect(files).toEqual(Array.from(lagging).map((d) => '督办单-' + d + '.xlsx').sort());
    expect(run.notices.map((n) => n.dept).sort()).toEqual(Array.from(lagging).sort());
    for (const n of run.notices) {
      const b = await readXlsxXml(n.file);
      expect(b.sheets.map((s) => s.name)).toEqual(['督办单']);
      const s = b.sheet('督办单');
      expect(s.rows[0][0]).toBe('整改督办单');
      expect(s.rows[1][0]).toBe('牵头部门：' + n.dept);
      const mine = items.filter((i) => (i.flag === 'overdue' || i.flag === 'due-soon') && splitDepartments(i.leadDept).indexOf(n.dept) >= 0);
      const rows = records(s);
      expect(rows.map((r) => r['行号']).sort()).toEqual(mine.map((i) => i.row).sort());
      const overdue = count(mine, (i) => i.flag === 'overdue');
      expect(s.rows[2][0]).toBe('截至2022年7月15日，贵单位牵头的整改措施中，逾期' + overdue + '项，临期' + (mine.length - overdue) + '项。请抓紧推进，按期完成整改并及时报送进展。');
      expect(s.xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/);
    }
  });
});

/** The styles part, for the differential (conditional-format) styles. */
async function readStyles(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return (zip.file('xl/styles.xml') as JSZip.JSZipObject).async('string');
}

describe('consolidating two departments', () => {
  let one: SummaryRun;
  let two: SummaryRun;
  let both: SummaryRun;
  let book: XmlWorkbook;
  const out = path.join(dir, 'both.xlsx');

  beforeAll(async () => {
    one = await summarizeFiles([SAMPLE], OPTS);
    two = await summarizeFiles([SAMPLE_TWO], OPTS);
    both = await summarizeFiles([SAMPLE, SAMPLE_TWO], { ...OPTS, out, notices: path.join(dir, 'notices-both') });
    book = await readXlsxXml(out);
  });

  it('adds their counts on 总览', () => {
    const o = book.sheet('总览');
    const t1 = one.summary.totals;
    const t2 = two.summary.totals;
    expect(valueOf(o, '整改措施总数')).toBe(t1.items + t2.items);
    expect(valueOf(o, '已完成')).toBe(t1.done + t2.done);
    expect(valueOf(o, '逾期')).toBe(t1.overdue + t2.overdue);
    expect(valueOf(o, '临期')).toBe(t1.dueSoon + t2.dueSoon);
    expect(valueOf(o, '正常推进')).toBe(t1.onTrack + t2.onTrack);
    expect(valueOf(o, '长期坚持')).toBe(t1.longTerm + t2.longTerm);
    expect(valueOf(o, '无期限')).toBe(t1.noDeadline + t2.noDeadline);
    expect(valueOf(o, '检查问题：错误')).toBe(
      one.results[0].findings.concat(two.results[0].findings).filter((f) => f.severity === 'error').length,
    );
    // The second sample really is another shape, read by other column words.
    expect(two.results[0].header.rows).toEqual([2]);
    expect(two.results[0].header.columns.aspect).toBe(2);
    expect(two.results[0].header.columns.status).toBeUndefined();
    expect(t2.items).toBe(16);
  });

  it('names both files as sources, in 汇总台账 and on 总览', () => {
    const rows = records(book.sheet('汇总台账'));
    const byFile: Record<string, number> = {};
    rows.forEach((r) => (byFile[r['来源文件'] as string] = (byFile[r['来源文件'] as string] || 0) + 1));
    expect(byFile).toEqual({ '整改台账-示例.xlsx': 40, '整改台账-示例-二.xlsx': 16 });
    const o = book.sheet('总览');
    const sources = o.rows.filter((r) => typeof r[0] === 'string' && /\.xlsx$/.test(r[0] as string));
    expect(sources).toEqual([
      ['整改台账-示例.xlsx', '整改台账', 40],
      ['整改台账-示例-二.xlsx', '巡察整改台账', 16],
    ]);
  });

  it('merges an aspect both ledgers share and a department both name', () => {
    const aspects = records(book.sheet('按方面'));
    const shared = aspects.filter((r) => r['方面'] === '贯彻落实全面从严治党战略部署有差距');
    expect(shared).toHaveLength(1);
    const items = allItems(both.results).filter((i) => /贯彻落实全面从严治党战略部署有差距$/.test(i.aspect));
    expect(shared[0]['整改措施数']).toBe(items.length);
    const depts = records(book.sheet('按牵头部门'));
    const finance = depts.filter((r) => r['牵头部门'] === '财务处')[0];
    const fin = allItems(both.results).filter((i) => splitDepartments(i.leadDept).indexOf('财务处') >= 0);
    expect(finance['整改措施数']).toBe(fin.length);
    expect(new Set(fin.map((i) => i.file))).toEqual(new Set(['整改台账-示例.xlsx', '整改台账-示例-二.xlsx']));
  });

  it('lists the overdue items of both ledgers', () => {
    const rows = records(book.sheet('逾期临期'));
    const lagging = allItems(both.results).filter((i) => i.flag === 'overdue' || i.flag === 'due-soon');
    expect(rows.map((r) => r['来源文件'] + '#' + r['行号']).sort()).toEqual(lagging.map((i) => i.file + '#' + i.row).sort());
  });

  it('gives a jointly led overdue item to each of its departments', async () => {
    const joint = allItems(both.results).filter((i) => i.leadDept === '办公室、财务处')[0];
    expect(joint.flag).toBe('overdue');
    for (const dept of ['办公室', '财务处']) {
      const b = await readXlsxXml(path.join(dir, 'notices-both', '督办单-' + dept + '.xlsx'));
      const rows = records(b.sheet('督办单'));
      expect(rows.some((r) => r['来源文件'] === '整改台账-示例-二.xlsx' && r['行号'] === joint.row)).toBe(true);
    }
  });
});

describe('text that looks like a formula', () => {
  const ledger = path.join(dir, 'formula-text.xlsx');
  const out = path.join(dir, 'formula-summary.xlsx');
  const notices = path.join(dir, 'notices-formula');
  const TEXTS = ['=SUM(A1:A9)', '+86 领导批示', '-1天', '@审计处', '=HYPERLINK("http://x")'];

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['序号', '问题类别', '存在问题', '整改措施', '责任领导', '牵头部门', '完成时限', '整改进展', '完成状态']);
    ws.addRow([1, '=SUM(A1:A9)', '+86 领导批示', '-1天', '@审计处', '@审计处', '2022年6月30日', '=HYPERLINK("http://x")', '正在推进']);
    ws.addRow([2, '=SUM(A1:A9)', '+86 领导批示', '=HYPERLINK("http://x")', '-1天', '=SUM(A1:A9)', '2022年7月20日', '-1天', '正在推进']);
    ws.addRow([3, '+86 领导批示', '@审计处', '+86 领导批示', '=SUM(A1:A9)', '-1天', '分阶段整改', '@审计处', '未启动']);
    await wb.xlsx.writeFile(ledger);
    await summarizeFiles([ledger], { ...OPTS, out, notices });
  });

  it('stays text in every sheet of the summary and of the notices', async () => {
    const files = [out].concat(fs.readdirSync(notices).map((f) => path.join(notices, f)));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const b = await readXlsxXml(file);
      for (const s of b.sheets) {
        expect([file, s.name, /<f[ >]/.test(s.xml)]).toEqual([file, s.name, false]);
        // Every cell that holds one of the texts is a string cell, and reads back as the same text.
        for (const ref of Object.keys(s.cells)) {
          const v = s.cells[ref];
          if (typeof v === 'string' && /^[=+\-@]/.test(v)) {
            const cell = new RegExp('<c r="' + ref + '"[^>]*t="s"').test(s.xml);
            expect([s.name, ref, cell]).toEqual([s.name, ref, true]);
          }
        }
      }
      const shown = b.sheets.map((s) => Object.keys(s.cells).map((r) => s.cells[r])).reduce((a, c) => a.concat(c), [] as XmlValue[]);
      if (file === out) for (const t of TEXTS) expect(shown).toContain(t);
    }
    // exceljs reads them back as text, not formulas.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ledgerSheet = wb.getWorksheet('汇总台账') as ExcelJS.Worksheet;
    expect(ledgerSheet.getCell('B2').value).toBe('=SUM(A1:A9)');
    expect(ledgerSheet.getCell('D3').value).toBe('=HYPERLINK("http://x")');
    expect(ledgerSheet.getCell('F2').value).toBe('@审计处');
  });
});

describe('notice file names', () => {
  it('replace characters Windows forbids and keep distinct departments distinct', () => {
    expect(safeFileName('财务处/审计科')).toBe('财务处_审计科');
    expect(safeFileName('a<b>c:d"e|f?g*h\\i')).toBe('a_b_c_d_e_f_g_h_i');
    expect(safeFileName('办公室. ')).toBe('办公室');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('   ')).toBe('_');
    expect(noticeFileNames(['财务处/审计科', '财务处:审计科', '办公室'])).toEqual([
      '督办单-财务处_审计科.xlsx', '督办单-财务处_审计科-2.xlsx', '督办单-办公室.xlsx',
    ]);
    expect(noticeFileNames(['Finance'])).toEqual(['督办单-Finance.xlsx']);
  });

  it('are written as such, in a folder created for them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['序号', '整改措施', '牵头部门', '完成时限', '完成状态']);
    ws.addRow([1, '清理账户', '财务处:审计科', '2022年6月30日', '正在推进']);
    ws.addRow([2, '修订制度', '办公室', '2022年12月31日', '正在推进']);
    const ledger = path.join(dir, 'slash.xlsx');
    await wb.xlsx.writeFile(ledger);
    const folder = path.join(dir, 'deep', 'notices');
    const run = await summarizeFiles([ledger], { ...OPTS, notices: folder });
    expect(fs.readdirSync(folder)).toEqual(['督办单-财务处_审计科.xlsx']);
    expect(run.notices).toEqual([{ dept: '财务处:审计科', file: path.join(folder, '督办单-财务处_审计科.xlsx') }]);
    const b = await readXlsxXml(run.notices[0].file);
    expect(b.sheet('督办单').rows[1][0]).toBe('牵头部门：财务处:审计科');
    expect(parseRef('AB12')).toEqual({ row: 12, col: 28 });
  });
});
