/**
 * Which sheets are ours and where a write goes (src/host/ours.ts, links.ts, settings.ts): the pure
 * planning every host runs before it touches a sheet. A user's sheet may have any name, those of an
 * object's own properties included.
 */
import { SheetSpec } from '../../src/core/model/spec';
import { freeSheetName, marksAfter, planTargets, readPlan, recordedSheets } from '../../src/host/ours';
import { linkTargets } from '../../src/host/links';
import { ourSheetNames } from '../../src/host/settings';

const spec = (name: string): SheetSpec => ({ name, rows: [] });

describe('which sheets are read', () => {
  it.each([
    ['no record: every sheet, in tab order, in one group', ['说明', '整改台账', '总览'], {}, [], ['说明', '整改台账', '总览'], [['说明', '整改台账', '总览']]],
    ['our 总览 (2) is left out; the user’s 总览 is read', ['整改台账', '总览', '总览 (2)'], { 总览: '总览 (2)' }, [], ['整改台账', '总览'], [['整改台账', '总览']]],
    ['the record is case-blind, as sheet names are', ['整改台账', 'OVERVIEW'], { Overview: 'Overview' }, [], ['整改台账'], [['整改台账']]],
    ['the earlier version goes alone, after the rest', ['上期台账', '整改台账', '说明'], {}, ['上期台账'], ['上期台账', '整改台账', '说明'], [['整改台账', '说明'], ['上期台账']]],
    ['sheets named like an object’s own properties are the user’s', ['constructor', 'toString', '__proto__'], {}, [], ['constructor', 'toString', '__proto__'], [['constructor', 'toString', '__proto__']]],
  ] as [string, string[], Record<string, string>, string[], string[], string[][]][])('%s', (_n, sheets, marks, apart, names, groups) => {
    expect(readPlan(sheets, marks, apart)).toEqual({ names, groups });
  });

  it('our sheets, lower-cased, from the record; a value that is not a name is skipped', () => {
    expect(ourSheetNames({ 总览: '总览 (2)', Overview: 'Overview', bad: 7 as unknown as string })).toEqual({ '总览 (2)': true, overview: true });
    expect(ourSheetNames({})['constructor']).toBe(undefined);
  });
});

describe('where each spec goes', () => {
  it('its own name when free, a free name beside a user’s sheet, our recorded sheet rewritten', () => {
    const targets = planTargets([spec('总览'), spec('按方面'), spec('constructor')], ['整改台账', '总览', '按方面 (2)', 'Constructor'], { 按方面: '按方面 (2)' });
    expect(targets.map((t) => [t.spec.name, t.sheet, t.rewrite])).toEqual([
      ['总览', '总览 (2)', false],
      ['按方面', '按方面 (2)', true],
      ['constructor', 'constructor (2)', false],
    ]);
    expect(marksAfter({ 按方面: '按方面 (2)', '督办单-办公室': '督办单-办公室' }, targets)).toEqual({ 按方面: '按方面 (2)', '督办单-办公室': '督办单-办公室', 总览: '总览 (2)', constructor: 'constructor (2)' });
  });

  it('a recorded sheet the user deleted is written anew under its own name', () => {
    expect(planTargets([spec('总览')], ['整改台账'], { 总览: '总览 (2)' }).map((t) => [t.sheet, t.rewrite])).toEqual([['总览', false]]);
  });

  it('a free name fits 31 characters; names differing only in case are taken', () => {
    const long = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一';
    expect(long.length).toBe(31);
    expect(freeSheetName(long, { [long]: true })).toBe(long.slice(0, 27) + ' (2)');
    expect(freeSheetName('Overview', { overview: true, 'overview (2)': true })).toBe('Overview (3)');
    expect(freeSheetName('toString', {})).toBe('toString');
  });

  it('the recorded sheets, each once', () => {
    expect(recordedSheets({ 总览: '总览', Overview: '总览', 按方面: '按方面 (2)' })).toEqual(['总览', '按方面 (2)']);
  });
});

describe('what a link may point at', () => {
  it('the sheets there were, less ours (recorded or being written), lower-cased', () => {
    const t = linkTargets(['整改台账', '说明', '总览 (2)', '按方面', 'Constructor'], { 总览: '总览 (2)' }, ['按方面']);
    expect(Object.keys(t)).toEqual(['整改台账', '说明', 'constructor']);
    expect(t['tostring']).toBe(undefined);
  });
});
