/**
 * The 通报 as a .docx (core/sheets/tongbao.ts builds it, src/docx writes it): its structure for the
 * seed-shaped sample (samples/整改台账-示例.xlsx follows the seed report's aspects and problems), the
 * fonts, sizes and page of GB/T 9704-2012 in its XML, and LibreOffice opening it as text and as a PDF.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { DocParagraph, DocTable, Summary, tongbaoDocument } from '../../src/core';
import { docxBytes } from '../../src/docx';
import { summarizeFiles } from '../../src/cli/run-summary';
import { reportDocxBytes } from '../../src/cli/run-report';
import { poppler } from '../tools';
import { convert, describeWithSoffice } from '../xlsx/helpers/soffice';

const ROOT = path.join(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples', '整改台账-示例.xlsx');
const OPTS = { asOf: '2022-07-15', start: '2022-02-24' };

let summary: Summary;
beforeAll(async () => {
  summary = (await summarizeFiles([SAMPLE], OPTS)).summary;
});

const textOf = (p: DocParagraph) => p.runs.map((r) => r.text).join('');
const paragraphs = (style: string) => () =>
  tongbaoDocument(summary, 'zh', { issuer: '中共某某党组', start: OPTS.start }).blocks
    .filter((b): b is DocParagraph => b.kind === 'paragraph' && b.style === style).map(textOf);

describe('the document model of the sample', () => {
  test('文号 with placeholders, the issuer as the title\'s first line, 主送, and the feedback date in the opening', () => {
    const doc = tongbaoDocument(summary, 'zh', { start: OPTS.start });
    const first = doc.blocks.slice(0, 7) as DocParagraph[];
    expect(first.map((p) => p.style)).toEqual(['number', 'blank', 'title', 'title', 'blank', 'addressee', 'body']);
    expect(textOf(first[0])).toBe('机关代字〔2022〕×号');
    expect(first[0].runs.filter((r) => r.placeholder).map((r) => r.text)).toEqual(['机关代字', '×']);
    // No --issuer: the first title line is a placeholder to fill in.
    expect(first[2].runs).toEqual([{ text: '中共××党组', placeholder: true }]);
    expect(textOf(first[3])).toBe('关于巡视整改进展情况的通报');
    expect(textOf(first[6])).toContain('。2022年2月24日，××巡视组向××党组反馈了巡视意见。');
    expect(textOf(first[6])).toMatch(/现将巡视整改进展情况予以公布。$/);
  });

  test('the three 一、 headings in the seed\'s order', () => {
    expect(paragraphs('heading1')()).toEqual([
      '一、提高政治站位，扛起巡视整改政治责任',
      '二、紧盯巡视反馈指出的问题，逐条逐项抓好整改落实',
      '三、下一步工作打算',
    ]);
  });

  test('二、 from the ledger: 4 aspects as 第N方面问题, 14 problems as （N）关于…问题, 40 measures as N.', () => {
    const body = paragraphs('body')();
    const aspects = body.filter((t) => /^第.方面问题，/.test(t));
    expect(aspects).toHaveLength(4);
    expect(aspects[0]).toBe('第一方面问题，党的领导不够坚强有力，落实党的理论路线方针政策和党中央重大决策部署不到位。');
    expect(aspects[1]).toBe('第二方面问题，贯彻落实全面从严治党战略部署有差距。');
    const problems = paragraphs('heading2')();
    expect(problems).toHaveLength(14);
    expect(problems.slice(0, 4)).toEqual([
      '（一）关于学习贯彻落实习近平新时代中国特色社会主义思想不够深入问题',
      '（二）关于推动粤港澳交流合作高质量发展乏力问题',
      '（三）关于落实意识形态工作责任制存在薄弱环节问题',
      // The second aspect starts its problems at （一） again.
      '（一）关于主体责任扛得不牢问题',
    ]);
    const measures = paragraphs('heading3')();
    expect(measures).toHaveLength(40);
    // Numbered within each problem: 3, 4 and 3 measures under the first aspect's three problems.
    expect(measures.slice(0, 11).map((t) => /^\d+/.exec(t)![0])).toEqual(['1', '2', '3', '1', '2', '3', '4', '1', '2', '3', '1']);
  });

  test('each measure: the measure in bold, then its 整改进展, then where it lags its state in words', () => {
    const doc = tongbaoDocument(summary, 'zh', {});
    const measures = doc.blocks.filter((b): b is DocParagraph => b.kind === 'paragraph' && b.style === 'heading3');
    // 加强专题调研: due 2022年6月底前, judged 2022-07-15: 15 days overdue.
    const overdue = measures[3];
    expect(overdue.runs[0]).toEqual({ text: '1.加强专题调研，形成深化粤港澳合作调研报告。', bold: true });
    expect(textOf(overdue)).toBe('1.加强专题调研，形成深化粤港澳合作调研报告。已完成初稿，正在征求意见。' +
      '该项整改完成时限为2022年6月底前，已逾期15天，尚未完成，正督促加快推进。');
    // Two lines of progress in one cell read as one sentence.
    expect(textOf(measures[4])).toBe('2.优化因公赴港澳人员审批办证信息管理系统。系统需求已确认；正在开发测试。');
    // No progress reported: a shaded placeholder, never an invented sentence.
    expect(measures[2].runs.slice(1)).toEqual([{ text: '请补充整改进展。', placeholder: true }]);
    // Due soon (2022年7月20日 and others), basically done and without a deadline are said in words.
    const all = measures.map(textOf);
    expect(all.filter((t) => /已逾期\d+天/.test(t))).toHaveLength(6);
    expect(all.filter((t) => /到期（剩\d+天）/.test(t))).toHaveLength(3);
    expect(all.filter((t) => /完成时限尚待明确/.test(t))).toHaveLength(4);
    expect(all.filter((t) => /已基本完成，尚未完成整改/.test(t))).toHaveLength(5);
    expect(all).toContain('3.对违规发放津补贴问题追缴清退。已追缴3.2万元，剩余部分正在追缴。该项整改将于2022年7月20日到期（剩5天），正抓紧推进。');
  });

  test('the counts sentence counts 基本完成 inside the not-done, never beside it', () => {
    expect(paragraphs('body')()).toContain('截至2022年7月15日，40项整改措施已完成10项，完成率25.0%；尚未完成的30项中，已超过完成时限6项，' +
      '10日内到期3项，按计划推进14项，需长期坚持3项，完成时限待明确4项（其中5项已基本完成）。具体情况如下：');
  });

  test('三、 points from the counts, the contact paragraph, 附件说明, 落款 and 成文日期', () => {
    const body = paragraphs('body')();
    expect(body).toContain('（一）抓紧推进逾期事项整改。对尚未按期完成的6项整改措施，逐项分析原因，明确责任和时限，督促牵头部门加快推进，确保尽快整改到位。');
    expect(body).toContain('（二）压茬推进临期事项。对10日内到期的3项整改措施，倒排工期、挂图作战，确保按期完成。');
    expect(body.filter((t) => /^欢迎广大干部群众对巡视整改落实情况进行监督。/.test(t))).toHaveLength(1);
    expect(body).toContain('附件：整改措施完成情况一览表');
    expect(paragraphs('signature')()).toEqual(['中共某某党组']);
    expect(paragraphs('date')()).toEqual(['2022年7月15日']);
  });

  test('the 附件 on a new page: 序号、问题、整改措施、牵头部门、完成时限、状态, a row per aspect and per measure', () => {
    const doc = tongbaoDocument(summary, 'zh', {});
    const label = doc.blocks.filter((b): b is DocParagraph => b.kind === 'paragraph' && b.style === 'annexLabel');
    expect(label).toHaveLength(1);
    expect(label[0].pageBreakBefore).toBe(true);
    const table = doc.blocks[doc.blocks.length - 1] as DocTable;
    expect(table.kind).toBe('table');
    expect(table.header).toEqual(['序号', '问题', '整改措施', '牵头部门', '完成时限', '状态']);
    expect(table.rows).toHaveLength(44);
    expect(table.rows[0]).toEqual(['第一方面问题：党的领导不够坚强有力，落实党的理论路线方针政策和党中央重大决策部署不到位']);
    expect(table.rows[4]).toEqual(['4', '推动粤港澳交流合作高质量发展乏力', '加强专题调研，形成深化粤港澳合作调研报告', '政策研究处', '2022年6月底前', '逾期15天']);
  });
});

async function partsOf(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) out[name] = await zip.files[name].async('string');
  return out;
}

describe('the .docx XML', () => {
  let parts: Record<string, string>;
  beforeAll(async () => {
    parts = await partsOf(reportDocxBytes(summary, 'zh', { start: OPTS.start }));
  });

  test('the parts of a Word document', () => {
    expect(Object.keys(parts).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/_rels/document.xml.rels',
      'word/document.xml', 'word/fontTable.xml', 'word/footer1.xml', 'word/footer2.xml', 'word/settings.xml', 'word/styles.xml']);
  });

  test('the 公文 faces and sizes: title 方正小标宋简体 二号, body 仿宋_GB2312 三号, 一、 黑体, （一） 楷体', () => {
    const styles = parts['word/styles.xml'];
    const style = (id: string) => new RegExp('<w:style [^>]*w:styleId="' + id + '">.*?</w:style>').exec(styles)![0];
    expect(style('title')).toContain('<w:rFonts w:ascii="方正小标宋简体" w:eastAsia="方正小标宋简体"');
    expect(style('title')).toContain('<w:sz w:val="44"/>');
    expect(style('Normal')).toContain('<w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"');
    expect(style('Normal')).toContain('<w:sz w:val="32"/>');
    expect(style('heading1')).toContain('w:eastAsia="黑体"');
    expect(style('heading2')).toContain('w:eastAsia="楷体_GB2312"');
    // 1. in bold: the measure's run.
    expect(parts['word/document.xml']).toContain('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">1.严格落实第一议题制度');
  });

  test('the fallbacks Office substitutes, declared in the font table', () => {
    const fonts = parts['word/fontTable.xml'];
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    expect(fonts).toContain('<w:font w:name="黑体">');
  });

  test('A4 with the margins of GB/T 9704 (37/35/28/26 mm), a 579-twip line grid, and page numbers as — 1 —', () => {
    const doc = parts['word/document.xml'];
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"');
    expect(doc).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    expect(parts['word/footer1.xml']).toContain('<w:jc w:val="right"/>');
    expect(parts['word/footer2.xml']).toContain('<w:jc w:val="left"/>');
    expect(parts['word/footer1.xml'].replace(/<[^>]+>/g, '').trim()).toBe('— 1 —');
    expect(parts['word/footer1.xml']).toContain('<w:fldSimple w:instr=" PAGE ">');
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
  });

  test('placeholders are shaded; the annex table repeats its header row', () => {
    const doc = parts['word/document.xml'];
    expect(doc).toContain('<w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">机关代字</w:t></w:r>');
    expect(doc.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(doc.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
  });

  test('the same summary gives the same bytes (no clock in the file), STORED or deflated', () => {
    const doc = tongbaoDocument(summary, 'zh', {});
    expect(Buffer.from(docxBytes(doc)).equals(Buffer.from(docxBytes(doc)))).toBe(true);
    expect(reportDocxBytes(summary, 'zh', {}).equals(reportDocxBytes(summary, 'zh', {}))).toBe(true);
  });
});

describeWithSoffice('LibreOffice opens the 通报', () => {
  let dir: string;
  let docx: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-tongbao-'));
    docx = path.join(dir, '通报.docx');
    fs.writeFileSync(docx, reportDocxBytes(summary, 'zh', { start: OPTS.start, issuer: '中共某某党组' }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('its text holds the seed\'s structure: every aspect, problem, measure and the progress', () => {
    const txt = fs.readFileSync(convert(docx, 'txt:Text (encoded):UTF8', path.join(dir, 'txt')), 'utf8');
    const lines = txt.split(/\r?\n/).map((l) => l.trim());
    expect(lines.filter((l) => /^第[一二三四]方面问题，/.test(l))).toHaveLength(4);
    expect(lines.filter((l) => /^（[一二三四五六七八九十]+）关于.+问题$/.test(l))).toHaveLength(14);
    // (Not the annex's 2022.8.31: a measure's number is followed by its text.)
    expect(lines.filter((l) => /^\d+\.[^\d]/.test(l))).toHaveLength(40);
    expect(lines).toContain('1.加强专题调研，形成深化粤港澳合作调研报告。已完成初稿，正在征求意见。该项整改完成时限为2022年6月底前，已逾期15天，尚未完成，正督促加快推进。');
    const order = ['机关代字〔2022〕×号', '中共某某党组', '关于巡视整改进展情况的通报', '主送机关：', '一、提高政治站位，扛起巡视整改政治责任',
      '二、紧盯巡视反馈指出的问题，逐条逐项抓好整改落实', '三、下一步工作打算', '附件：整改措施完成情况一览表', '2022年7月15日', '附件', '整改措施完成情况一览表']
      .map((t) => lines.indexOf(t));
    expect(order.every((at, k) => at >= 0 && (k === 0 || at > order[k - 1]))).toBe(true);
  });

  test('it converts to PDF: page 1 shows the 文号 and the title, 28 characters a line, and the annex starts a page', () => {
    const pdf = convert(docx, 'pdf', path.join(dir, 'pdf'));
    const page = (n: number) => execFileSync(poppler('pdftotext') as string, ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
    const first = page(1).split('\n').map((l) => l.trim());
    expect(first[0]).toBe('机关代字〔2022〕×号');
    expect(first).toContain('中共某某党组');
    expect(first).toContain('关于巡视整改进展情况的通报');
    // A full line of the 一、 frame: two characters of indent are not text, so 26 + the next line's 28.
    expect(first).toContain('（一）履行主体责任，以上率下带头整改。党组研究部署整');
    expect(first).toContain('改、成立整改工作领导小组、主要负责同志履行第一责任人责任');
    expect(first.filter((l) => /^—\s*1\s*—$/.test(l))).toHaveLength(1);
    const pages = +/Pages:\s+(\d+)/.exec(execFileSync(poppler('pdfinfo') || 'pdfinfo', [pdf], { encoding: 'utf8' }))![1];
    let annex = 0;
    for (let n = 1; n <= pages && !annex; n++) if (/^附件\n/m.test(page(n)) && /整改措施完成情况一览表\n序/.test(page(n))) annex = n;
    expect(annex).toBeGreaterThan(1);
    // The page before the annex ends with the 落款 and 成文日期.
    expect(page(annex - 1)).toMatch(/中共某某党组\n2022 ?年 ?7 ?月 ?15 ?日/);
  });
});
