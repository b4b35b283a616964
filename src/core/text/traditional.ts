/**
 * Traditional -> simplified characters, for the words rectification ledgers use. Some offices publish
 * their ledgers in traditional script (整改問題, 整改時限, 2個月內, 長期堅持, 已銷號), so headers,
 * deadlines and statuses are normalized with this table before they are matched, as full-width digits
 * already are. It is not a general converter: only characters whose traditional form is never a
 * different simplified character are listed (著, 乾, 髮 are left out), so converting twice changes
 * nothing. To support another character, add its pair.
 */

/** Pairs of [traditional, simplified], grouped by where they occur. */
const PAIRS: string[] = [
  // header words: 問題 責任 領導 牽頭 單位 部門 處室 措施 時限 期限 進展 狀態 備註 佐證 銷號 …
  '問问', '題题', '責责', '領领', '導导', '牽牵', '頭头', '單单', '門门', '處处', '進进', '況况', '狀状', '態态',
  '備备', '註注', '證证', '據据', '資资', '號号', '銷销', '閉闭', '環环', '實实', '際际', '協协', '辦办', '類类',
  '別别', '來来', '現现', '詳详', '細细', '饋馈', '蹤踪', '隱隐', '體体', '務务', '標标', '舉举', '層层', '屬属',
  '經经', '聯联', '係系', '劃划', '計计', '預预', '節节', '點点', '間间', '員员', '幹干', '組组', '織织', '紀纪',
  '檢检', '監监', '審审', '準准', '報报', '寫写', '總总', '結结', '確确', '認认', '規规', '範范',
  '設设', '機机', '構构', '編编', '碼码', '順顺', '項项', '數数', '額额', '簡简', '稱称', '驗验', '負负', '擔担',
  '參参', '與与', '們们', '這这', '為为', '對对', '應应', '該该', '評评', '議议', '決决', '見见', '級级', '縣县',
  '鄉乡', '鎮镇', '區区', '廳厅', '黨党', '風风', '財财', '費费', '稅税', '價价', '優优', '質质', '績绩', '錄录',
  '簽签', '檔档', '歸归', '說说', '釋释', '話话', '電电', '蓋盖', '線线', '則则', '條条', '綱纲', '權权',
  '維维', '護护', '團团', '隊队', '選选', '產产', '業业', '農农', '廣广', '東东', '華华', '國国', '醫医', '衛卫',
  '書书', '錢钱', '賬账', '帳账', '複复', '復复', '營营', '僅仅', '閱阅', '圍围', '階阶', '終终', '斷断', '顯显',
  '頻频', '臺台', '裡里', '裏里', '餘余', '專专', '學学', '習习', '貫贯', '徹彻', '識识', '險险', '違违', '購购',
  '採采', '執执', '發发', '勞劳', '測测', '試试', '讀读', '視视', '變变', '轉转', '換换', '運运', '輸输', '網网',
  '絡络', '統统', '籌筹', '遺遗', '補补', '壓压', '嚴严', '懲惩', '罰罚', '擬拟', '請请', '託托', '盡尽', '儘尽',
  '樣样', '還还', '雜杂', '廢废', '棄弃', '曆历', '歷历', '屆届', '達达', '帶带', '給给', '傳传', '響响', '顧顾',
  '緊紧', '須须', '剛刚', '氣气', '溝沟', '齊齐', '豐丰', '滿满', '獲获', '將将', '強强', '勵励', '佈布', '庫库',
  '輪轮', '訂订', '滯滞', '遲迟', '離离', '無无', '萬万', '億亿', '兩两', '個个', '戶户', '週周', '於于', '當当',
  '開开', '動动', '邊边', '馬马', '極极', '遠远', '覺觉', '錯错', '誤误', '適适', '遞递', '語语', '譯译', '紐纽',
  // status words of hazard and 督办 ledgers: 關閉 (关闭), 督辦 …
  '關关',
  // deadline words: 個月內 長期堅持 時 後 並 以後 之後 持續 穩步 …
  '內内', '長长', '堅坚', '時时', '後后', '並并', '續续', '穩稳', '紮扎', '歲岁', '療疗', '藥药', '鐵铁', '礦矿',
];

let table: { [ch: string]: string } | null = null;

/** The table as a map, built once. Exported for tests. */
export function traditionalTable(): { [ch: string]: string } {
  if (table) return table;
  const t: { [ch: string]: string } = {};
  for (let i = 0; i < PAIRS.length; i++) {
    const p = PAIRS[i];
    if (p.charAt(0) !== p.charAt(1)) t[p.charAt(0)] = p.charAt(1);
  }
  table = t;
  return t;
}

const ANY_TRADITIONAL = /[\u4e00-\u9fff]/;

/** Traditional characters of the table -> simplified; everything else is left as it is. */
export function toSimplified(s: string): string {
  if (!s || !ANY_TRADITIONAL.test(s)) return s;
  const t = traditionalTable();
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    const simple = t[ch];
    if (simple) {
      out += simple;
      changed = true;
    } else out += ch;
  }
  return changed ? out : s;
}
