/**
 * Bad input becomes one typed error with a message for the user, raised where the input is read.
 * Hosts catch TaizhangError and show `userMessage(err, lang)`: one line, no stack trace.
 */
import { format } from '../text/format';
import { Lang } from '../model/result';

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
  | 'usage' // a malformed command line
  | 'xml-doctype' // a part carries a <!DOCTYPE> (entity definitions): never read
  | 'zip-bomb' // the parts read inflate past MAX_INFLATED (an absolute size, never a ratio)
  | 'too-large' // a part inflates beyond what can be read safely
  | 'too-many-cells' // more cells than can be held safely
  | 'sheet-too-large' // a sheet's used range, from A1 to its farthest value, is too large to check
  | 'no-room' // no column is left after everything the sheet uses for the added columns
  | 'encrypted-xls' // a legacy .xls with an open password (FILEPASS)
  | 'encrypted-et' // a WPS .et with an open password
  | 'corrupt-et' // a WPS .et that cannot be read
  | 'legacy-biff' // an Excel 2.x-4.0 worksheet or workbook (BIFF2-4), before Excel 5
  | 'lotus' // a Lotus 1-2-3 worksheet (.wk1, .wk3, .wk4, .123)
  | 'config-invalid'; // taizhang.json (or --config FILE) is not JSON, or not the shape docs/contract.md gives

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
    'xml-doctype':
      '“{file}”中的部件 {part} 含有文档类型定义（<!DOCTYPE>）。Excel 保存的工作簿从不含有它，为安全起见不读取这样的文件。请在 Excel 中打开并另存为 .xlsx 后再试。',
    'zip-bomb': '“{file}”解压后的内容超过 {limit}（读到部件 {part} 时），像是恶意构造的“压缩炸弹”，不予读取。',
    'too-large': '“{file}”中的部件 {part} 解压后超过 {limit}，超出能安全读取的大小。请把台账拆分成几个较小的工作簿后再试。',
    'too-many-cells': '“{file}”中有内容的单元格超过 {limit} 个，超出能安全读取的数量。请把台账拆分成几个较小的工作簿后再试。',
    'sheet-too-large':
      '“{file}”的工作表“{sheet}”在 {cell} 处有内容，使用范围（{rows} 行 × {cols} 列）过大，无法检查。请删除远离台账的多余单元格（在 Excel 中按 Ctrl+End 可找到它）后再试。',
    'no-room': '“{file}”的工作表“{sheet}”已用到最后一列（{column}），其后没有位置追加检查列。请删去右侧多余的合并、表格或筛选范围后再试。',
    'encrypted-xls':
      '“{file}”设置了打开密码，无法读取。请取消密码后另存一份再检查：Excel 中为 文件 > 信息 > 保护工作簿 > 用密码进行加密，WPS 中为 文件 > 文档加密 > 密码加密。',
    'encrypted-et': '“{file}”是设置了打开密码的 WPS 表格文件，无法读取。请在 WPS 中取消密码（文件 > 文档加密 > 密码加密，清空打开密码）后另存一份再检查。',
    'corrupt-et': 'WPS 表格文件“{file}”已损坏或不完整，无法读取。请在 WPS 中打开，用 文件 > 另存为 保存为 Excel 工作簿 (.xlsx) 后再试。',
    'legacy-biff': '“{file}”是 Excel 2.x–4.0 时代（1987–1992 年）的旧格式，无法读取。请在 Excel 或 WPS 中打开，另存为 Excel 工作簿 (.xlsx) 后再检查。',
    lotus: '“{file}”是 Lotus 1-2-3 工作表，不是 Excel 工作簿。请在 Excel、WPS 或 LibreOffice 中打开，另存为 Excel 工作簿 (.xlsx) 后再检查。',
    'config-invalid': '配置文件“{file}”无效：{reason}。请改正后再试，或删去该文件。',
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
    'xml-doctype':
      'Part {part} of "{file}" carries a document type definition (<!DOCTYPE>). Workbooks saved by Excel never do, and such files are not read, for safety. Open it in Excel, save it again as .xlsx and retry.',
    'zip-bomb': 'The content of "{file}" inflates to more than {limit} (at part {part}), like a deliberately built "zip bomb". It is not read.',
    'too-large': 'Part {part} of "{file}" inflates to more than {limit}, beyond what can be read safely. Split the ledger into smaller workbooks and retry.',
    'too-many-cells': '"{file}" holds more than {limit} cells with content, beyond what can be read safely. Split the ledger into smaller workbooks and retry.',
    'sheet-too-large':
      'Sheet "{sheet}" of "{file}" has content at {cell}, so its used range ({rows} rows x {cols} columns) is too large to check. Delete the stray cells far from the ledger (Ctrl+End in Excel finds them) and retry.',
    'no-room': 'Sheet "{sheet}" of "{file}" is used up to its last column ({column}): there is no room for the added columns. Remove the stray merges, tables or filter ranges on the right and retry.',
    'encrypted-xls':
      '"{file}" is protected with a password and cannot be read. Remove the password and save a copy: in Excel, File > Info > Protect Workbook > Encrypt with Password; in WPS, File > Document Encryption > Password Encryption.',
    'encrypted-et': '"{file}" is a WPS Spreadsheets file protected with a password and cannot be read. Remove the password in WPS (File > Document Encryption > Password Encryption, clear the open password) and save a copy.',
    'corrupt-et': 'The WPS Spreadsheets file "{file}" is damaged or incomplete and cannot be read. Open it in WPS, use File > Save As > Excel Workbook (.xlsx) and retry.',
    'legacy-biff': '"{file}" is in the format of Excel 2.x-4.0 (1987-1992), which is not read. Open it in Excel or WPS, save it as an Excel Workbook (.xlsx) and check that copy.',
    lotus: '"{file}" is a Lotus 1-2-3 worksheet, not an Excel workbook. Open it in Excel, WPS or LibreOffice, save it as an Excel Workbook (.xlsx) and check that copy.',
    'config-invalid': 'The config file "{file}" is not valid: {reason}. Correct it and retry, or remove it.',
  },
};

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
