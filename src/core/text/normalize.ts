/** Text normalization shared by the grammars: full-width -> half-width, Chinese numerals -> digits. */

/** Full-width ASCII (！..～) and the ideographic space -> their half-width forms. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s.charAt(i);
  }
  return out;
}

const CN_DIGITS: { [ch: string]: number } = {
  '〇': 0,
  '○': 0,
  '零': 0,
  '一': 1,
  '二': 2,
  '两': 2,
  '三': 3,
  '四': 4,
  '五': 5,
  '六': 6,
  '七': 7,
  '八': 8,
  '九': 9,
};

function cnRunValue(run: string): string {
  if (run.indexOf('十') < 0 && run.indexOf('百') < 0) {
    // 二〇二二 -> 2022, 一 -> 1: digit by digit.
    let digits = '';
    for (let i = 0; i < run.length; i++) digits += String(CN_DIGITS[run.charAt(i)]);
    return digits;
  }
  // 十 -> 10, 十二 -> 12, 二十 -> 20, 三十一 -> 31, 一百零五 -> 105.
  let total = 0;
  let cur = 0;
  for (let i = 0; i < run.length; i++) {
    const ch = run.charAt(i);
    if (ch === '十') {
      total += (cur || 1) * 10;
      cur = 0;
    } else if (ch === '百') {
      total += (cur || 1) * 100;
      cur = 0;
    } else {
      cur = CN_DIGITS[ch];
    }
  }
  return String(total + cur);
}

/** Chinese numerals -> Arabic digits: 二〇二二年十二月三十一日 -> 2022年12月31日, 两个月 -> 2个月. */
export function chineseNumeralsToDigits(s: string): string {
  return s.replace(/[〇○零一二两三四五六七八九十百]+/g, cnRunValue);
}
