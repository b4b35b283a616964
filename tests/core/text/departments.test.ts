/**
 * The one department splitter (text/departments.ts): the summary's counts by lead department, the comparison's
 * lead changes and the three lists' roster check read a 牵头部门 cell the same way.
 */
import { splitDepartments } from '../../../src/core/text/departments';

describe('splitDepartments', () => {
  it.each([
    ['办公室、人事处', ['办公室', '人事处']],
    ['财务处等3家单位', ['财务处']],
    ['办公室、人事处等5个部门', ['办公室', '人事处']],
    ['财务处等单位', ['财务处']],
    ['组织部/人事处', ['组织部', '人事处']],
    ['人事处\n财务处', ['人事处', '财务处']],
    [' 办公室 ，财务处,人事处；宣传部 ', ['办公室', '财务处', '人事处', '宣传部']],
    ['办公室、办公室', ['办公室']],
    ['高等教育处', ['高等教育处']],
    ['', []],
    ['  ', []],
    // What the three lists' roster check read alone before the one splitter: 和 between spaced names.
    ['财务处 和 审计处', ['财务处', '审计处']],
    ['和平街道办事处', ['和平街道办事处']],
    ['财务处和审计处', ['财务处和审计处']],
    ['财务处等 3 家单位、审计处', ['财务处', '审计处']],
    ['\u3000办公室\u3000', ['办公室']],
  ])('%j -> %j', (text, expected) => {
    expect(splitDepartments(text)).toEqual(expected);
  });
});

