/** The document settings as the workbook's store (src/excel/settings.ts), through src/host/settings.ts. */
import { officeStore } from '../../src/excel/settings';
import { loadOptions, saveOptions } from '../../src/host/settings';
import { makeHost } from './helpers';

describe('settings', () => {
  it('options are saved in the workbook settings and read back', async () => {
    const host = makeHost('1.1');
    expect(loadOptions(officeStore)).toEqual({});
    expect(await saveOptions(officeStore, { start: '2022-03-01', dueSoonDays: 7, immediateDays: 30 })).toBe(true);
    expect(host.state.settingsSaved).toBe(1);
    expect(loadOptions(officeStore)).toEqual({ start: '2022-03-01', dueSoonDays: 7, immediateDays: 30 });
  });
});
