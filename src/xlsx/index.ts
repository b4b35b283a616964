export { sniffFile, assertXlsx } from './sniff';
export { readWorkbook, streamGrids, worksheetToGrid } from './read';
export type { LoadedWorkbook, ReadOptions } from './read';
export { applyAnnotation, writeWorkbookAtomic, toExcelValue } from './write';
export { writeSpecsWorkbook, writeSpecsFile } from './spec-writer';
export { toCellValue } from './cell';
