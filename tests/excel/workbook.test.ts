/** Selection and the new workbook (src/excel/workbook.ts) on the fake Excel. */
import { selectCell, openAsNewWorkbook } from '../../src/excel/workbook';
import { LEDGER, makeHost } from './helpers';

describe('selection and the new workbook', () => {
  it('selectCell activates the sheet and selects the cell in one sync', async () => {
    const host = makeHost('1.1');
    await selectCell(LEDGER, 'F12');
    expect(host.state.syncCount).toBe(1);
    expect(host.state.activeSheet).toBe(LEDGER);
    expect(host.state.selection).toEqual({ sheet: LEDGER, address: 'F12' });
  });

  it('openAsNewWorkbook needs ExcelApi 1.8', async () => {
    makeHost('1.7');
    expect(await openAsNewWorkbook(() => Promise.resolve('UEsDBA=='))).toEqual({ status: 'not-supported', reason: 'api' });
    const host = makeHost('1.8');
    expect(await openAsNewWorkbook(() => Promise.resolve('UEsDBA=='))).toEqual({ status: 'opened' });
    expect(host.state.createdWorkbooks).toEqual(['UEsDBA==']);
  });
});
