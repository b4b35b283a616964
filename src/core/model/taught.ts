/**
 * Words a user taught Taizhang: the office's own header words for each field and status words for each
 * state. The CLI reads them from taizhang.json (or --config FILE), the pane from the workbook's settings;
 * both hand the same parsed object to the core (CheckOptions.taught), where one rule applies it
 * (read/taught.ts): a taught word comes before every built-in one.
 */
import { FieldKey, State } from './ledger';

export interface TaughtWords {
  /** Field -> header texts that name it ("隐患内容" for problem). */
  headers?: Partial<Record<FieldKey, string[]>>;
  /** State -> status words that mean it ("关闭" for closed). */
  status?: Partial<Record<State, string[]>>;
}

/** Why a taught-words file is rejected: a JSON path and what was expected there (words/taught.ts says it). */
export interface TaughtProblem {
  path: string;
  expected: 'object' | 'field' | 'state' | 'words' | 'option' | 'count' | 'text' | 'key';
}
