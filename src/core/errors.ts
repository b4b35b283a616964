/**
 * Bad input becomes one typed error with a message for the user, raised where the input is read.
 * Hosts catch TaizhangError and show `userMessage(err, lang)`: one line, no stack trace.
 */
import { Lang } from './types';

export type ErrorCode =
  | 'file-missing' // the path does not exist
  | 'file-corrupt' // not a readable zip / xlsx, or truncated
  | 'legacy-xls' // an Excel 97-2003 .xls file
  | 'encrypted' // a password-protected workbook
  | 'not-xlsx' // some other file type (csv, docx, pdf...)
  | 'empty-workbook' // no sheet holds any cell
  | 'sheet-not-found' // --sheet names no sheet
  | 'no-ledger' // no sheet has a recognizable ledger header
  | 'bad-option' // a malformed option value (dates, numbers)
  | 'usage'; // a malformed command line

const MESSAGES: Record<Lang, Record<ErrorCode, string>> = {
  zh: {
    'file-missing': '找不到文件“{file}”，请检查路径是否正确。',
    'file-corrupt': '文件“{file}”已损坏或不完整，无法读取。请在 Excel 中打开并重新保存为 .xlsx 后再试。',
    'legacy-xls': '“{file}”是旧版 Excel 97-2003 (.xls) 文件。请在 Excel 中“另存为” Excel 工作簿 (.xlsx) 后再检查。',
    encrypted: '“{file}”设置了打开密码，无法读取。请在 Excel 中取消密码（文件 > 信息 > 保护工作簿 > 用密码进行加密）后另存一份再检查。',
    'not-xlsx': '“{file}”不是 Excel 工作簿 (.xlsx)。请选择 .xlsx 文件。',
    'empty-workbook': '“{file}”中没有任何内容，请确认选择了正确的台账文件。',
    'sheet-not-found': '找不到名为“{sheet}”的工作表。现有工作表：{sheets}。',
    'no-ledger':
      '“{file}”中没有找到可识别的整改台账表头。请确认表头包含以下列中的几列：{columns}。',
    'bad-option': '参数 {option} 的值“{value}”无效：{hint}',
    usage: '{message}',
  },
  en: {
    'file-missing': 'File "{file}" was not found. Check the path.',
    'file-corrupt': '"{file}" is damaged or incomplete and cannot be read. Open it in Excel, save it again as .xlsx and retry.',
    'legacy-xls': '"{file}" is a legacy Excel 97-2003 (.xls) file. In Excel, use Save As > Excel Workbook (.xlsx) and check that copy.',
    encrypted:
      '"{file}" is protected with a password and cannot be read. Remove the password in Excel (File > Info > Protect Workbook > Encrypt with Password) and save a copy.',
    'not-xlsx': '"{file}" is not an Excel workbook (.xlsx). Choose an .xlsx file.',
    'empty-workbook': '"{file}" has no content. Check that this is the right ledger file.',
    'sheet-not-found': 'There is no sheet named "{sheet}". Sheets: {sheets}.',
    'no-ledger': 'No sheet in "{file}" has a recognizable ledger header. The header should hold several of these columns: {columns}.',
    'bad-option': 'Option {option} has an invalid value "{value}": {hint}',
    usage: '{message}',
  },
};

export function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/**
 * Not a subclass of Error: ES5 output breaks `instanceof` on Error subclasses in IE11.
 * Use isTaizhangError() to test.
 */
export interface TaizhangError {
  taizhang: true;
  code: ErrorCode;
  params: Record<string, string | number>;
  message: string;
}

export function taizhangError(code: ErrorCode, params: Record<string, string | number> = {}): TaizhangError {
  return { taizhang: true, code, params, message: format(MESSAGES.en[code], params) };
}

export function isTaizhangError(e: unknown): e is TaizhangError {
  return !!e && typeof e === 'object' && (e as TaizhangError).taizhang === true;
}

export function userMessage(e: TaizhangError, lang: Lang): string {
  return format(MESSAGES[lang][e.code], e.params);
}
