/**
 * The summary workbook and the 督办单 as written files, read back twice: with exceljs, and with a
 * second reader that unzips the file and reads its XML (helpers/xlsx-xml.ts). The figures are literals
 * counted by hand from the two samples (scripts/make-sample.ts), never the items or Summary of the same run.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { CheckedItem, CheckResult } from '../../src/core/model/result';
import { noticeFailures, noticeFileNames, safeFileName, summarizeFiles, SummaryRun } from '../../src/cli/run-summary';
import { writeSpecsWorkbook } from '../../src/xlsx/spec-writer';
import { SheetSpec } from '../../src/core/model/spec';
import { countPixels, pdfPages, pdfText, readPng, renderPage, toPdf } from './helpers/render';
import { describeWithSoffice } from './helpers/soffice';
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

/** The header row of a sheet without frozen panes (a 督办单): the row whose first cell is 序号. */
function seqRow(s: XmlSheet): number {
  return s.rows.findIndex((r) => r[0] === '序号') + 1;
}

/** The rows below the header as records keyed by header text (total rows, notes and a notice's closing lines left out). */
function records(s: XmlSheet, h: number = headerRow(s)): Record<string, XmlValue>[] {
  const names = s.rows[h - 1].map(String);
  const end = s.rows.findIndex((r, i) => i >= h && (r.every((v) => v === null) || /^(合计|各部门相加|注：)/.test(String(r[0]))));
  return s.rows
    .slice(h, end < 0 ? undefined : end)
    // Band rows (汇总台账's aspects) hold their first cell alone.
    .filter((r) => r.slice(1).some((v) => v !== null))
    .map((r) => {
      const o: Record<string, XmlValue> = {};
      names.forEach((n, i) => (o[n] = r[i] === undefined ? null : r[i]));
      return o;
    });
}

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

  // The sample's items counted by hand from scripts/make-sample.ts, judged on 2022-07-15 from a start of 2022-02-24
  // (the flags by row are in tests/cli/cli.test.ts). Every figure below is a literal, not the items of the same run.
  it('总览: the sample counted by hand', () => {
    const o = book.sheet('总览');
    const expected: Record<string, number> = {
      整改措施总数: 40,
      已完成: 10,
      '其中：已销号': 1, // row 17 (已销号)
      '其中：已完成待销号': 9,
      基本完成: 5, // rows 20, 22, 38, 43, 46
      逾期: 6,
      临期: 3,
      正常推进: 14,
      长期坚持: 3,
      无期限: 4,
      '立行立改：整改措施': 4, // rows 6 (立行立改，长期坚持), 14 (即知即改), 33, 34
      '立行立改：已完成': 2,
      '立行立改：逾期': 2, // 33, 34: due 2022-03-26
      '立行立改：临期': 0,
      '检查问题：错误': 5,
      '检查问题：提示': 5,
      方面数: 4,
      问题数: 14, // 3 + 4 + 4 + 3
    };
    for (const label of Object.keys(expected)) expect([label, valueOf(o, label)]).toEqual([label, expected[label]]);
    expect(valueOf(o, '完成率')).toBe(0.25);
    expect(serialToIso(valueOf(o, '截至日期') as number)).toBe('2022-07-15');
  });

  it('逾期临期 lists the six overdue items, most overdue first, then the three due soon, and nothing else', () => {
    const rows = records(book.sheet('逾期临期'));
    expect(rows.map((r) => [r['行号'], r['期限状态'], r['牵头部门'], serialToIso(r['截止日期'] as number), r['逾期天数'], r['剩余天数']])).toEqual([
      [33, '逾期', '办公室', '2022-03-26', 111, null],
      [34, '逾期', '人事处', '2022-03-26', 111, null],
      [20, '逾期', '人事处', '2022-04-24', 82, null],
      [9, '逾期', '政策研究处', '2022-06-30', 15, null],
      [25, '逾期', '财务处', '2022-06-30', 15, null],
      [45, '逾期', '机关纪委', '2022-06-30', 15, null],
      [30, '临期', '财务处', '2022-07-20', null, 5],
      [41, '临期', '机关党委', '2022-07-22', null, 7],
      [48, '临期', '财务处', '2022-07-24', null, 9],
    ]);
    expect(new Set(rows.map((r) => r['来源文件']))).toEqual(new Set(['整改台账-示例.xlsx']));
    expect(rows[0]['整改措施']).toBe('落实“三重一大”集体决策制度');
    // 完成时限 as the sample words it, and the 整改进展 each row reports (scripts/make-sample.ts).
    expect(rows.map((r) => [r['行号'], r['完成时限'], r['整改进展']])).toEqual([
      [33, '立行立改', '正在修订实施办法'],
      [34, '立行立改', '已开展专题培训'],
      [20, '2个月内', '已选调1名专职干部，尚缺1名'],
      [9, '2022年6月底前', '已完成初稿，正在征求意见'],
      [25, '6月30日前', '流程已修订，正在试行'],
      [45, '2022年6月底前', '复查发现3项需深化整改'],
      [30, '2022年7月20日', '已追缴3.2万元，剩余部分正在追缴'],
      [41, '2022-07-22', '2个支部已完成换届，1个支部正在筹备'],
      [48, '反馈后5个月内', '已追回资金18.6万元'],
    ]);
  });

  it('检查问题: the five errors first, then the five 提示, each in ledger order, with the 序号, 牵头部门 and 整改措施 of its row', () => {
    const rows = records(book.sheet('检查问题'));
    expect(rows.map((r) => [r['级别'], r['序号'], r['牵头部门'], r['整改措施'], r['单元格']])).toEqual([
      ['错误', '16', null, '开展廉政风险点排查，完善防控措施', 'E22'],
      ['错误', '20', '办公室', '对2019年以来的合同进行全面梳理并建立台账', 'G26'],
      ['错误', '31', '人事处', '建立干部交流轮岗机制', 'G38'],
      ['错误', '36', '办公室', '建立巡视整改长效机制，定期开展整改成效评估', 'G44'],
      ['错误', '38', '财务处', '对审计指出的预算执行问题逐项整改', 'G46'],
      ['提示', '3', '机关党委', '督促各党支部通过“三会一课”、主题党日加强政治理论学习', 'H8'],
      ['提示', '8', '宣传处', '修订意识形态工作责任制实施细则', 'J13'],
      ['提示', '15', '机关纪委', '建立日常监督工作台账，开展常态化监督检查', 'J21'],
      ['提示', '26', '人事处', '完善干部人事档案专项审核工作机制', 'A36'],
      ['提示', '39', '财务处', '建立审计整改销号台账，完善内部审计制度', 'J47'],
    ]);
  });

  it('按牵头部门: each lead department counted by hand, the most overdue first, then due soon, then by name, blank last', () => {
    const rows = records(book.sheet('按牵头部门'));
    // [department, measures, overdue, due soon, done]
    expect(rows.map((r) => [r['牵头部门'], r['整改措施数'], r['逾期'], r['临期'], r['已完成']])).toEqual([
      ['人事处', 8, 2, 0, 1], // 12 done, 20 and 34 overdue, 35-39
      ['财务处', 7, 1, 2, 1], // 23, 24, 25 overdue, 30 and 48 due soon, 46, 47 done
      ['办公室', 7, 1, 0, 2], // 6 and 32 done, 19, 26, 29, 33 overdue, 44
      ['政策研究处', 1, 1, 0, 0],
      ['机关纪委', 4, 1, 0, 2], // 18 and 21 done, 27, 45 overdue
      ['机关党委', 6, 0, 1, 2], // 7 and 17 done, 8, 40, 41 due soon, 43
      ['保密办', 1, 0, 0, 1],
      ['信息中心', 1, 0, 0, 0],
      ['宣传处', 2, 0, 0, 1],
      ['机关服务中心', 1, 0, 0, 0],
      ['联络处', 1, 0, 0, 0],
      ['（未填写）', 1, 0, 0, 0], // row 22
    ]);
    // No measure of this ledger is led jointly, but problems are: （一）主体责任扛… has measures of 办公室,
    // 机关党委 and 机关纪委, so each counts it. 问题数 by department: 人事处 4, 财务处 3, 办公室 6, 政策研究处 1,
    // 机关纪委 4, 机关党委 4, then six departments with 1: 28, against 14 distinct problems. The measures add up (40).
    const sheetRows = book.sheet('按牵头部门').rows;
    expect(records(book.sheet('按牵头部门')).map((r) => r['问题数'])).toEqual([4, 3, 6, 1, 4, 4, 1, 1, 1, 1, 1, 1]);
    const sum = sheetRows.filter((r) => r[0] === '各部门相加')[0];
    const total = sheetRows.filter((r) => r[0] === '合计（不重复计数）')[0];
    expect([sum.slice(1, 3), total.slice(1, 3)]).toEqual([[28, 40], [14, 40]]);
    expect(sheetRows.filter((r) => /^注：/.test(String(r[0]))).map((r) => r[0])).toEqual([
      '注：一个问题的整改措施由多个部门牵头的，该问题在每个部门各计一次，因此“问题数”各部门相加为28个，不重复计数的合计为14个。',
    ]);
    expect(sheetRows.filter((r) => r[0] === '合计')).toEqual([]);
  });

  it('汇总台账 has every item with a fresh 序号 and its 来源文件', () => {
    const items = allItems(run.results);
    const rows = records(book.sheet('汇总台账'));
    expect(rows.map((r) => r['序号'])).toEqual(items.map((_i, k) => k + 1));
    expect(rows).toHaveLength(40);
    expect(rows.map((r) => r['整改措施'])).toEqual(items.map((i) => i.measure));
    expect([rows[0]['整改措施'], rows[39]['整改措施']]).toEqual(['严格落实第一议题制度，每次党组会议首先学习习近平总书记最新重要讲话精神', '追回违规资金并上缴国库']);
    expect(new Set(rows.map((r) => r['来源文件']))).toEqual(new Set(['整改台账-示例.xlsx']));
  });

  it('通报提纲 reads as the 整改进展情况通报 of the sample: one paragraph per cell, sections in order, the measures as the annex', () => {
    const lines = book.sheet('通报提纲').rows.map((r) => r[0]).filter((v) => v !== null) as string[];
    expect(lines.slice(0, 4)).toEqual([
      '整改进展情况通报',
      '截至2022年7月15日',
      '　　截至2022年7月15日，共4个方面14个问题40项整改措施，已完成10项（其中已销号1项），基本完成5项，逾期6项，完成率25.0%。现将有关情况通报如下。',
      '　　一、分方面进展情况',
    ]);
    const at = (t: string) => lines.indexOf(t);
    // The sections in order, each once.
    const sections = ['　　一、分方面进展情况', '　　二、存在的问题', '　　三、下一步工作', '附件：整改措施完成情况'];
    expect(sections.map(at).every((i, k, all) => i > 0 && (k === 0 || i > all[k - 1]))).toBe(true);
    // One paragraph per aspect under 一, four of them.
    expect(lines.slice(at(sections[0]) + 1, at(sections[1])).map((l) => l.slice(0, 5))).toEqual(['　　（一）', '　　（二）', '　　（三）', '　　（四）']);
    expect(lines).toContain('　　（一）逾期未完成的整改措施6项，临期（10日内到期）3项，需加快推进。');
    // The departments with more than one overdue item: only 人事处 (2; the others 1).
    expect(lines).toContain('　　（二）逾期事项较多的牵头部门：人事处2项。');
    const annex = lines.slice(at(sections[3]) + 1);
    expect(annex.slice(0, 4)).toEqual([
      '一、党的领导不够坚强有力，落实党的理论路线方针政策和党中央重大决策部署不到位',
      '　　（一）学习贯彻落实习近平新时代中国特色社会主义思想不够深入',
      '　　　　1.严格落实第一议题制度，每次党组会议首先学习习近平总书记最新重要讲话精神【已完成】',
      '　　　　2.制定党组理论学习中心组年度学习计划，每季度至少开展1次专题研讨【已完成】',
    ]);
    expect(annex).toContain('　　　　1.加强专题调研，形成深化粤港澳合作调研报告（政策研究处）【逾期15天】');
    expect(annex.filter((l) => /^[一二三四五六七八九十]+、/.test(l))).toHaveLength(4);
    // One line per measure, each with one status word of the one vocabulary.
    const measures = annex.filter((l) => /^\u3000{4}\d+\./.test(l));
    expect(measures).toHaveLength(40);
    const words = measures.map((l) => /【([^】]*)】$/.exec(l)![1]);
    expect(words.filter((w) => !/^(已完成|已销号|逾期\d+天|临期（剩\d+天）|正常推进|长期坚持|时限待明确)$/.test(w))).toEqual([]);
    expect(words.filter((w) => /^逾期/.test(w))).toHaveLength(6);
    expect(words.filter((w) => /^临期/.test(w))).toHaveLength(3);
    // The cells carry the document styles: title, headings and paragraphs in their fonts.
    const s = book.sheet('通报提纲');
    expect(s.xml).toMatch(/<c r="A1" s="\d+" t="inlineStr"><is><t>整改进展情况通报<\/t>/);
    expect(s.xml).toContain('<col min="1" max="1" width="92" customWidth="1"/>');
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

  it('every sheet prints on A4 one page wide, with its title, the as-of line and the footer; the lists repeat their header', () => {
    const titles = ['整改台账汇总', '整改进展情况统计表（按方面）', '整改进展情况统计表（按牵头部门）', '逾期及临期整改措施清单',
      '台账检查问题清单', '整改台账汇总表', '整改进展情况通报'];
    book.sheets.forEach((s, index) => {
      expect([s.name, s.rows[0][0]]).toEqual([s.name, titles[index]]);
      expect([s.name, s.rows[1].filter((v) => v !== null)]).toEqual([s.name, index === 0 ? ['截至日期', 44757] : ['截至2022年7月15日']]);
      expect(s.xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
      const orientation = s.name === '通报提纲' ? 'portrait' : 'landscape';
      const tall = s.name === '总览' ? 1 : 0;
      const own = s.name === '通报提纲' ? ' firstPageNumber="1" useFirstPageNumber="1"' : '';
      expect(s.xml).toContain('<pageSetup paperSize="9" orientation="' + orientation + '" fitToWidth="1" fitToHeight="' + tall + '"' + own + '/>');
      const center = s.name === '通报提纲' ? '— &amp;P —' : '第 &amp;P 页 共 &amp;N 页';
      expect(s.xml).toContain('<oddFooter>&amp;L整改工作领导小组办公室&amp;C' + center + '&amp;R截至2022年7月15日</oddFooter>');
      const repeats = ['按方面', '按牵头部门', '逾期临期', '检查问题', '汇总台账'].indexOf(s.name) >= 0;
      const title = new RegExp('<definedName name="_xlnm.Print_Titles" localSheetId="' + index + '">\'' + s.name + '\'!\\$3:\\$3</definedName>');
      expect([s.name, title.test(book.workbookXml)]).toEqual([s.name, repeats]);
      if (repeats) expect(headerRow(s)).toBe(3);
    });
    expect(headerRow(book.sheet('总览'))).toBe(3);
  });

  it('colours flags with Good / Neutral / Bad rules, and rates with data bars every Excel version reads', async () => {
    const lagging = book.sheet('逾期临期');
    for (const label of ['已完成', '逾期', '临期']) expect(lagging.xml).toMatch(new RegExp('<cfRule type="cellIs" dxfId="\\d+" priority="\\d+" operator="equal"><formula>&quot;' + label + '&quot;</formula></cfRule>'));
    const ledger = book.sheet('汇总台账');
    expect(ledger.xml).toMatch(/<conditionalFormatting sqref="K4:K47"><cfRule type="cellIs"/);
    for (const name of ['按方面', '按牵头部门']) {
      const s = book.sheet(name);
      const rows = records(s).length;
      // The Excel 2007 data bar, 0% to 100%, on the rate column; no link to an extension that is not there.
      expect(s.xml).toMatch(new RegExp('<conditionalFormatting sqref="J4:J' + (rows + 3) + '"><cfRule type="dataBar" priority="\\d+"><dataBar><cfvo type="num" val="0"/><cfvo type="num" val="1"/><color rgb="FF638EC6"/></dataBar></cfRule></conditionalFormatting>'));
      expect(s.xml).not.toContain('x14:id');
    }
    // Excel's Good / Neutral / Bad colours, as differential styles.
    const styles = await readStyles(out);
    for (const [font, fill] of [['FF006100', 'FFC6EFCE'], ['FF9C5700', 'FFFFEB9C'], ['FF9C0006', 'FFFFC7CE']]) {
      expect(styles).toContain('<dxf><font><color rgb="' + font + '"/></font><fill><patternFill patternType="solid"><fgColor rgb="' + fill + '"/><bgColor rgb="' + fill + '"/>');
    }
  });

  it('has no broken internal links: the ledgers are other files, so 逾期临期/检查问题/汇总台账 carry their 行号/单元格 as plain values', async () => {
    const links = await hyperlinksOf(out);
    expect(links.filter((l) => SHEETS.indexOf(targetSheet(l.target)) < 0)).toEqual([]);
    expect(links).toEqual([]);
    // The 行号 column is still the row number, as a number.
    const rows = records(book.sheet('汇总台账')).map((r) => r['行号']);
    // Rows 6 to 48 of the sample but its section rows 16, 31 and 42.
    expect(rows).toEqual(Array.from({ length: 43 }, (_v, k) => k + 6).filter((r) => [16, 31, 42].indexOf(r) < 0));
    for (const n of run.notices) expect(await hyperlinksOf(n.file)).toEqual([]);
  });

  it('writes a 督办单 for exactly the departments with overdue or due-soon items (a 提醒单 where only due soon)', async () => {
    // The lead departments of the nine rows of 逾期临期; 机关党委's one item is due soon.
    const lagging = ['人事处', '财务处', '办公室', '政策研究处', '机关纪委', '机关党委'];
    const files = fs.readdirSync(notices).sort();
    expect(files).toEqual(lagging.map((d) => (d === '机关党委' ? '提醒单-' : '督办单-') + d + '.xlsx').sort());
    expect(run.notices.map((n) => n.dept).sort()).toEqual(lagging.slice().sort());
  });

  it('each 督办单 is a supervision notice, its parts in order, with the department\'s items and a column for its reply', async () => {
    // Each department's rows of 逾期临期: [due date, days], and the sentence they make.
    const expected: Record<string, { says: string; rows: [string, string][] }> = {
      人事处: { says: '有2项已逾期，请立即整改并说明原因', rows: [['2022-03-26', '逾期111天'], ['2022-04-24', '逾期82天']] },
      财务处: { says: '有1项已逾期，请立即整改并说明原因；2项即将到期，请抓紧推进，确保按期完成', rows: [['2022-06-30', '逾期15天'], ['2022-07-20', '剩余5天'], ['2022-07-24', '剩余9天']] },
      办公室: { says: '有1项已逾期，请立即整改并说明原因', rows: [['2022-03-26', '逾期111天']] },
      政策研究处: { says: '有1项已逾期，请立即整改并说明原因', rows: [['2022-06-30', '逾期15天']] },
      机关纪委: { says: '有1项已逾期，请立即整改并说明原因', rows: [['2022-06-30', '逾期15天']] },
      机关党委: { says: '有1项即将到期，请抓紧推进，确保按期完成', rows: [['2022-07-22', '剩余7天']] },
    };
    expect(run.notices.map((n) => n.dept).sort()).toEqual(Object.keys(expected).sort());
    for (const n of run.notices) {
      const b = await readXlsxXml(n.file);
      const kind = n.dept === '机关党委' ? '提醒单' : '督办单';
      expect(b.sheets.map((s) => s.name)).toEqual([kind]);
      const s = b.sheet(kind);
      const h = seqRow(s);
      expect(h).toBe(5);
      expect(s.rows.slice(0, 4).map((r) => r[0])).toEqual([
        '整改' + kind, '〔2022〕第__号', n.dept + '：', '　　截至2022年7月15日，' + n.dept + '牵头的整改措施中，' + expected[n.dept].says + '。',
      ]);
      expect(s.rows[h - 1]).toEqual(['序号', '存在问题', '整改措施', '责任领导', '完成时限', '截止日期', '逾期/剩余天数', '整改进展', '整改进展及说明']);
      const rows = records(s, h);
      expect(rows.map((r) => [serialToIso(r['截止日期'] as number), r['逾期/剩余天数']])).toEqual(expected[n.dept].rows);
      for (const r of rows) expect(r['整改进展及说明']).toBeNull();
      // After the items: the reply deadline (3 working days after Friday 15 July), contact, the issuer under
      // the seal's space (no （盖章） printed), the date, 抄送 the leaders in charge, and the 签收 line.
      const after = s.rows.slice(h + rows.length).map((r) => r[0]).filter((v) => v !== null && v !== undefined);
      expect(after.slice(0, 4)).toEqual([
        '　　请于2022年7月20日前将整改进展及说明（填入上表最后一列）报送整改工作领导小组办公室。',
        '　　联系人：　　　　　　　　联系电话：',
        '整改工作领导小组办公室',
        '2022年7月15日',
      ]);
      expect(after[4]).toMatch(/^抄送：\S+/);
      expect(after[5]).toMatch(/^签收人：/);
      expect(after).toHaveLength(6);
      // The reply column is there to be written in: a bordered cell on every item row.
      expect(s.xml).toMatch(new RegExp('<c r="I' + (h + 1) + '" s="\\d+"/>'));
      expect(s.xml).not.toMatch(/来源文件|贵单位|盖章/);
      expect(s.xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="1"/>');
      expect(s.xml).toContain('<oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter>');
      expect(b.workbookXml).toContain("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'" + kind + "'!$5:$5</definedName>");
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
  let book: XmlWorkbook;
  const out = path.join(dir, 'both.xlsx');

  beforeAll(async () => {
    one = await summarizeFiles([SAMPLE], OPTS);
    two = await summarizeFiles([SAMPLE_TWO], OPTS);
    await summarizeFiles([SAMPLE, SAMPLE_TWO], { ...OPTS, out, notices: path.join(dir, 'notices-both') });
    book = await readXlsxXml(out);
  });

  it('adds their counts on 总览', () => {
    const o = book.sheet('总览');
    // The sample (40: done 10, overdue 6, due soon 3, on track 14, long-term 3, no deadline 4; 5 errors) and the second
    // ledger counted by hand (16: done 3 = rows 3, 6, 12; overdue 3 = 4, 9, 17; due soon 3 = 10, 14, 16; on track 5;
    // long-term 1 = 8; no deadline 1 = 15, its one error).
    const labels = ['整改措施总数', '已完成', '逾期', '临期', '正常推进', '长期坚持', '无期限', '检查问题：错误'];
    expect(labels.map((l) => valueOf(o, l))).toEqual([56, 13, 9, 6, 19, 4, 5, 6]);
    expect([one.summary.totals.items, two.summary.totals.items]).toEqual([40, 16]);
    // The second sample really is another shape, read by other column words.
    expect(two.results[0].header.rows).toEqual([2]);
    expect(two.results[0].header.columns.aspect).toBe(2);
    expect(two.results[0].header.columns.status).toBeUndefined();
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
    // The sample's 二、 (rows 17-30: 14 measures) and the second ledger's rows 3-7 (5).
    expect(shared[0]['整改措施数']).toBe(19);
    const depts = records(book.sheet('按牵头部门'));
    const finance = depts.filter((r) => r['牵头部门'] === '财务处')[0];
    // The sample's 23, 24, 25, 30, 46, 47, 48 and the second's 4 (办公室、财务处), 5, 6, 7.
    expect([finance['整改措施数'], finance['逾期'], finance['临期'], finance['已完成']]).toEqual([11, 2, 2, 2]);
  });

  it('lists the overdue items of both ledgers', () => {
    const rows = records(book.sheet('逾期临期'));
    const A = '整改台账-示例.xlsx#';
    const B = '整改台账-示例-二.xlsx#';
    // Most overdue first, then due soon by fewest days left; ties by file name (code points: "示例-二" before "示例."), then row.
    expect(rows.map((r) => r['来源文件'] + '#' + r['行号'] + ' ' + (r['逾期天数'] ?? -(r['剩余天数'] as number)))).toEqual([
      A + '33 111', A + '34 111', A + '20 82', B + '9 15', B + '17 15', A + '9 15', A + '25 15', A + '45 15', B + '4 5',
      B + '10 -5', B + '16 -5', A + '30 -5', B + '14 -7', A + '41 -7', A + '48 -9',
    ]);
  });

  it('按牵头部门 gives the rows added up beside the distinct 合计, and says why in a note under the table', () => {
    // 56 measures, one of them (the second ledger's row 4) led by 办公室、财务处 and counted under both: 57.
    const s = book.sheet('按牵头部门');
    const perDept = records(s).reduce((n, r) => n + (r['整改措施数'] as number), 0);
    expect(perDept).toBe(57);
    const sum = s.rows.filter((r) => r[0] === '各部门相加')[0];
    const total = s.rows.filter((r) => r[0] === '合计（不重复计数）')[0];
    expect([sum[2], total[2]]).toEqual([57, 56]);
    expect(s.rows.indexOf(total)).toBe(s.rows.indexOf(sum) + 1);
    expect(s.rows[s.rows.indexOf(total) + 1]).toEqual([]);
    const note = s.rows[s.rows.indexOf(total) + 2][0];
    // 问题数: the sample's 28 by department (14 distinct); the second ledger adds 8 by department, 7 distinct.
    expect([sum[1], total[1]]).toEqual([36, 21]);
    expect(note).toBe('注：1.一个问题的整改措施由多个部门牵头的，该问题在每个部门各计一次，因此“问题数”各部门相加为36' +
      '个，不重复计数的合计为21个。2.1项整改措施由多个部门共同牵头（如“办公室、财务处”），在每个牵头部门下各计一次，' +
      '因此“整改措施数”各部门相加为57项，不重复计数的合计为56项，已完成、逾期等各列同理。');
    expect(s.xml).toContain('<mergeCell ref="A' + (s.rows.indexOf(total) + 3) + ':J' + (s.rows.indexOf(total) + 3) + '"/>');
  });

  it('gives a jointly led overdue item to each of its departments', async () => {
    // The second ledger's row 4, due 2022-07-10: 5 days overdue, in both notices beside each department's own.
    const measures: Record<string, string[]> = {
      办公室: ['落实“三重一大”集体决策制度', '对2021年以来重大事项决策程序开展自查'],
      财务处: ['规范公务接待审批和报销流程', '对2021年以来重大事项决策程序开展自查'],
    };
    for (const dept of ['办公室', '财务处']) {
      const b = await readXlsxXml(path.join(dir, 'notices-both', '督办单-' + dept + '.xlsx'));
      const s = b.sheet('督办单');
      const rows = records(s, seqRow(s));
      expect([dept, rows.filter((r) => /^逾期/.test(String(r['逾期/剩余天数']))).map((r) => r['整改措施'])]).toEqual([dept, measures[dept]]);
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
            const cell = new RegExp('<c r="' + ref + '"[^>]*t="inlineStr"').test(s.xml);
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
    // The aspect =SUM(A1:A9) is the band of rows 5-6; item 2's measure is C6, item 1's lead department E5.
    expect(ledgerSheet.getCell('A4').value).toBe('=SUM(A1:A9)');
    expect(ledgerSheet.getCell('C6').value).toBe('=HYPERLINK("http://x")');
    expect(ledgerSheet.getCell('E5').value).toBe('@审计处');
    expect(ledgerSheet.getCell('A4').formula).toBeUndefined();
  });
});

describe('notice file names', () => {
  it('replace path separators, the characters Windows forbids, control and bidi characters; keep distinct departments distinct', () => {
    expect(safeFileName('财务处/审计科')).toBe('财务处_审计科');
    expect(safeFileName('a<b>c:d"e|f?g*h\\i')).toBe('a_b_c_d_e_f_g_h_i');
    expect(safeFileName('办公室. ')).toBe('办公室');
    expect(safeFileName('办公\u0007室\u0085')).toBe('办公_室_');
    expect(safeFileName('财务\u202e处\u200b')).toBe('财务处');
    expect(safeFileName('..')).toBe('_');
    expect(safeFileName('   ')).toBe('_');
    for (const name of ['CON', 'nul', 'COM1', 'lpt9', 'Aux.txt', 'CONIN$']) expect([name, safeFileName(name)]).toEqual([name, '_' + name]);
    expect(safeFileName('CONSOLE')).toBe('CONSOLE');
    expect(noticeFileNames(['财务处/审计科', '财务处:审计科', '办公室', 'Finance', 'FINANCE'])).toEqual([
      '督办单-财务处_审计科.xlsx', '督办单-财务处_审计科-2.xlsx', '督办单-办公室.xlsx', '督办单-Finance.xlsx', '督办单-FINANCE-2.xlsx',
    ]);
  });

  it('hold at most 80 characters of the name and fit a file system\'s 255 bytes with room for the temporary name', () => {
    expect(safeFileName('x'.repeat(100))).toBe('x'.repeat(80));
    // 80 Chinese characters would be 240 bytes: the whole name stays within 200.
    const long = '某某'.repeat(45);
    expect(safeFileName(long)).toBe('某'.repeat(66));
    const [name] = noticeFileNames(['关于' + long]);
    expect(name).toBe('督办单-关于' + '某'.repeat(58) + '.xlsx');
    expect(Buffer.byteLength(name)).toBe(195);
    // Never cut inside a character that takes two UTF-16 units (4 bytes in UTF-8).
    expect(safeFileName('𠀀'.repeat(90))).toBe('𠀀'.repeat(50));
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
    expect(b.sheet('督办单').rows[2][0]).toBe('财务处:审计科：');
    expect(parseRef('AB12')).toEqual({ row: 12, col: 28 });
  });

  /** A ledger whose overdue items are led by `depts`, one each. */
  async function ledgerOf(file: string, depts: string[]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['序号', '整改措施', '牵头部门', '完成时限', '完成状态']);
    depts.forEach((d, k) => ws.addRow([k + 1, '整改措施' + (k + 1), d, '2022年6月' + (10 + k) + '日', '正在推进']));
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('a 78-character department no longer stops the notices after it', async () => {
    // Before: "督办单-" + 78 Chinese characters + ".xlsx" is 249 bytes, and writeAtomic's temporary name
    // (a dot, the process id, ".tmp") went past 255: the first such notice threw and none after it was written.
    const long = '关于' + '深化整改'.repeat(19);
    expect(long).toHaveLength(78);
    const ledger = await ledgerOf(path.join(dir, 'long-name.xlsx'), [long, '办公室', '财务处']);
    const folder = path.join(dir, 'notices-long');
    const run = await summarizeFiles([ledger], { ...OPTS, notices: folder });
    expect(run.notices.map((n) => [n.dept, n.error])).toEqual([[long, undefined], ['办公室', undefined], ['财务处', undefined]]);
    // The file name holds the first 60 characters (within 200 bytes); the notice itself the whole name.
    const file = '督办单-' + long.slice(0, 60) + '.xlsx';
    expect(fs.readdirSync(folder).sort()).toEqual(['督办单-办公室.xlsx', file, '督办单-财务处.xlsx'].sort());
    expect((await readXlsxXml(path.join(folder, file))).sheet('督办单').rows[2][0]).toBe(long + '：');
  });

  it('one notice that cannot be written is reported, and the others are written', async () => {
    const ledger = await ledgerOf(path.join(dir, 'three.xlsx'), ['办公室', '财务处', '人事处']);
    const folder = path.join(dir, 'notices-blocked');
    // A folder where 财务处's notice would go: it cannot be renamed into place.
    fs.mkdirSync(path.join(folder, '督办单-财务处.xlsx'), { recursive: true });
    const run = await summarizeFiles([ledger], { ...OPTS, notices: folder });
    // Most overdue first, then by name: 人事处, 办公室, 财务处.
    expect(run.notices.map((n) => [n.dept, !!n.error])).toEqual([['人事处', false], ['办公室', false], ['财务处', true]]);
    expect(run.notices[2].error).toBe('无法写入“' + path.join(folder, '督办单-财务处.xlsx') + '”：已有同名的文件夹。请换一个输出文件名。');
    expect(fs.readdirSync(folder).sort()).toEqual(['督办单-人事处.xlsx', '督办单-办公室.xlsx', '督办单-财务处.xlsx']);
    expect(fs.statSync(path.join(folder, '督办单-财务处.xlsx')).isDirectory()).toBe(true);
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(noticeFailures(run.notices, 'zh')).toBe('1 份督办单未能写出（其余已写出）：财务处（' + run.notices[2].error + '）');
  });

  it('never overwrite an input file that has a notice\'s name', async () => {
    const folder = path.join(dir, 'notices-input');
    fs.mkdirSync(folder, { recursive: true });
    const input = await ledgerOf(path.join(folder, '督办单-办公室.xlsx'), ['办公室', '财务处']);
    const before = fs.readFileSync(input);
    const run = await summarizeFiles([input], { ...OPTS, notices: folder });
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(run.notices.map((n) => path.basename(n.file))).toEqual(['督办单-办公室-2.xlsx', '督办单-财务处.xlsx']);
    expect(fs.readdirSync(folder).sort()).toEqual(['督办单-办公室-2.xlsx', '督办单-办公室.xlsx', '督办单-财务处.xlsx']);
  });
});

describe('in-workbook links', () => {
  const LINKED: SheetSpec = {
    name: '逾期临期',
    rows: [
      [{ v: '行号', s: 'header' }, { v: '单元格', s: 'header' }],
      [{ v: 3, s: 'number', link: { sheet: "台账's", cell: 'C3' } }, { v: 'E9', link: { sheet: '别的文件', cell: 'E9' } }],
    ],
  };

  it('go only to sheets the workbook holds; a link to another file\'s sheet is the plain value', async () => {
    const out = path.join(dir, 'links.xlsx');
    await writeSpecsWorkbook([LINKED, { name: "台账's", rows: [[{ v: 'x' }]] }], out);
    const b = await readXlsxXml(out);
    expect(b.sheet('逾期临期').xml.match(/<hyperlink [^>]*\/>/g)).toEqual(['<hyperlink ref="A2" location="\'台账\'\'s\'!C3" display="3"/>']);
    // exceljs reads only links kept in relationships; the cell's own value is all it sees, as it should.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('逾期临期')!.getCell('A2').value).toBe(3);
    expect(wb.getWorksheet('逾期临期')!.getCell('B2').value).toBe('E9');
    const alone = path.join(dir, 'links-alone.xlsx');
    await writeSpecsWorkbook([LINKED], alone);
    expect((await readXlsxXml(alone)).sheet('逾期临期').xml).not.toContain('<hyperlink');
  });
});

describeWithSoffice('LibreOffice prints the sample\'s 汇总台账 under its aspects, on 3 pages', () => {
  const out = path.join(dir, 'render-one', '汇总.xlsx');
  let pdf = '';

  beforeAll(async () => {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await summarizeFiles([SAMPLE], { ...OPTS, out });
    pdf = toPdf([out], path.dirname(out))[0];
  }, 180000);

  it('holds the 40 measures and 4 aspect bands on 3 pages: 14, 17 and 9 rows (each row 2 lines but 5 of 3 and 1 of 4)', () => {
    // Before: the aspect repeated in a 10-wide column made rows 8 lines tall, 8 pages.
    const pages: string[] = [];
    for (let p = 1; p <= pdfPages(pdf); p++) pages.push(pdfText(pdf, p));
    const ledger = pages.filter((t) => /整改台账汇总表|整改措施.*整改进展.*来源文件/.test(t) && !/逾期天数/.test(t));
    // A row's first line starts with its 序号, 1 to 40 in turn.
    let next = 1;
    const rows = ledger.map((t) => t.split('\n').filter((l) => {
      const m = /^\s*(\d+)\s/.exec(l);
      return !!m && +m[1] === next && !!++next;
    }).length);
    expect(next).toBe(41);
    expect(rows).toEqual([14, 17, 9]);
    expect(ledger.map((t) => (t.match(/^\s*[一二三四]、/gm) || []).length)).toEqual([2, 1, 1]);
  });
});

describeWithSoffice('LibreOffice prints the summary and a notice, the charts in them', () => {
  const out = path.join(dir, 'render', '汇总.xlsx');
  const notices = path.join(dir, 'render', 'notices');
  let pdfs: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await summarizeFiles([SAMPLE, SAMPLE_TWO], { ...OPTS, out, notices });
    pdfs = toPdf([out, path.join(notices, '督办单-财务处.xlsx')], path.dirname(out));
  }, 180000);

  it('总览 prints on one page with both charts drawn in their colours', () => {
    const img = readPng(renderPage(pdfs[0], 1));
    // The charts stand right of the tables, in the right half of the landscape page.
    const right: [number, number, number, number] = [0.45, 0.05, 0.97, 0.92];
    const rateBars = countPixels(img, right, '638EC6', 30);
    // The stacked bars start further left since their labels wrap at 10 characters.
    const bars: [number, number, number, number] = [0.3, 0.05, 0.97, 0.92];
    const done = countPixels(img, bars, '70AD47', 12);
    const overdue = countPixels(img, bars, 'C00000', 12);
    const dueSoon = countPixels(img, bars, 'FFC000', 12);
    expect(rateBars).toBeGreaterThan(400);
    expect(Math.min(done, overdue, dueSoon)).toBeGreaterThan(100);
    // The left half holds the tables: text, not bars.
    // (The page prints smaller since the wrapped aspect labels make 总览 taller: the tables end at about 0.27.)
    expect(countPixels(img, [0.03, 0.05, 0.25, 0.92])).toBeGreaterThan(2000);
    expect(countPixels(img, [0.03, 0.05, 0.25, 0.92], '638EC6', 30)).toBeLessThan(20);
    console.log('总览 page 1: ' + rateBars + ' rate-bar pixels; done/overdue/due-soon ' + [done, overdue, dueSoon].join('/'));
  });

  it('every sheet starts its pages with a title, and the 督办单 is one landscape page (its reply column wide enough to write in)', () => {
    expect(pdfPages(pdfs[0])).toBeGreaterThanOrEqual(7);
    expect(pdfPages(pdfs[1])).toBe(1);
    const notice = readPng(renderPage(pdfs[1], 1));
    expect(notice.width).toBeGreaterThan(notice.height);
    // The title across the top, the table below it, the seal lines at the right further down.
    expect(countPixels(notice, [0.3, 0.06, 0.7, 0.16])).toBeGreaterThan(150);
    expect(countPixels(notice, [0.05, 0.25, 0.95, 0.6])).toBeGreaterThan(2000);
    expect(countPixels(notice, [0.05, 0.25, 0.95, 0.7], 'FFC7CE', 12)).toBeGreaterThan(100);
  });
});
