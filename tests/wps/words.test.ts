/**
 * The pane's words inside WPS (src/taskpane/strings.ts wordsFor('wps', ...)): none names Excel, an
 * ExcelApi version or Office, or says an add-in's writes cannot be undone there; what a WPS lacks is
 * named by the ET member it lacks; Excel's words stay as they were. The WPS folder's help page is
 * WPS's own.
 */
import * as fs from 'fs';
import * as path from 'path';
import { useOwnWords, wordsFor } from '../../src/taskpane/strings';
import { WPS_WORDS } from '../../src/taskpane/strings-wps';
import { Lang } from '../../src/core';

// As taskpane.ts does in the WPS bundle.
useOwnWords('wps', WPS_WORDS);

/** Every text of a word set, with its path (features.charts, ...). */
function texts(o: unknown, at = ''): [string, string][] {
  if (typeof o === 'string') return [[at, o]];
  if (!o || typeof o !== 'object') return [];
  const out: [string, string][] = [];
  for (const k of Object.keys(o)) out.push(...texts((o as Record<string, unknown>)[k], at ? at + '.' + k : k));
  return out;
}

describe('the pane’s words in WPS', () => {
  for (const lang of ['zh', 'en'] as Lang[]) {
    it(`${lang}: no text names Excel, ExcelApi or Office`, () => {
      expect(texts(wordsFor('wps', lang)).filter(([, t]) => /Excel|Office/.test(t))).toEqual([]);
    });
  }

  it('each feature the WPS host can skip names the member it found missing, in both languages', () => {
    const zh = wordsFor('wps', 'zh').features;
    const en = wordsFor('wps', 'en').features;
    expect([zh.merges, zh.charts, zh.freezePanes]).toEqual(['合并单元格（缺少 Range.MergeCells）', '图表（缺少 Worksheet.ChartObjects，表格数据已写入）', '冻结窗格（缺少 Application.ActiveWindow）']);
    expect([en.printSettings, en.charts]).toEqual(['print settings, footers and margins (Worksheet.PageSetup is missing)', 'charts (Worksheet.ChartObjects is missing; the tables are written)']);
    expect(wordsFor('wps', 'zh').skipped).toBe('本机 WPS 表格缺少以下功能，已略过（{what}内容完整）：{list}。');
  });

  it('says undo may not take the writes back, rather than that WPS cannot undo; no legacy-file notice', () => {
    const zh = wordsFor('wps', 'zh');
    expect(zh.undoTitle).toBe('WPS 表格不一定能撤销本加载项写入的内容。');
    expect(wordsFor('wps', 'en').undoTitle).toBe('WPS Spreadsheets may not undo what this add-in writes.');
    expect([zh.legacyWorkbook, wordsFor('wps', 'en').legacyWorkbook]).toEqual(['', '']);
    expect(zh.connecting).toBe('正在连接 WPS 表格……');
  });

  it('Excel’s words are unchanged: the API set a feature needs, and Excel named', () => {
    const zh = wordsFor('excel', 'zh');
    expect([zh.features.merges, zh.features.charts, zh.undoTitle]).toEqual(['合并单元格（需要 ExcelApi 1.2）', '图表（表格数据已写入）', 'Excel 不能撤销本加载项写入的内容。']);
    expect(wordsFor('excel', 'en').connecting).toBe('Connecting to Excel…');
  });

  it('the WPS help page names no Excel and tells how to install and open it in WPS', () => {
    const help = fs.readFileSync(path.resolve(__dirname, '../../src/wps/addin/help.html'), 'utf8');
    expect(help.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/Excel|Office/);
    expect(help).toContain('<kbd>整改台账</kbd> 选项卡 &gt; <kbd>打开助手</kbd>');
    expect(help).toContain('<kbd>install.bat</kbd>');
  });
});
