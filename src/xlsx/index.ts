export { sniffFile, assertXlsx } from './sniff';
export { readWorkbook, streamGrids, worksheetToGrid } from './read';
export type { LoadedWorkbook, ReadOptions } from './read';
export { applyAnnotation, writeWorkbookAtomic, toExcelValue } from './write';
export { renderSheetSpec, writeSpecsWorkbook } from './spec';
export { toCellValue } from './cell';
