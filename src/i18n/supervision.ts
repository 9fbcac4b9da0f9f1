// The supervisor's workbench: the export of every figure, the coverage matrix, the roster, year against year and
// the scorecard. zh-CN first; English for every key (a type holds them equal).
import type { Message } from './types';

export const supervisionZh = {
  'export.allHead': '导出给其他工具',
  'export.all': '导出全部(长表 CSV)',
  'export.allHint': '每个单元格一行,可在 DuckDB、pandas、Excel 中分析;可原样导入回来',
  'export.allDone': '已导出 {reports} 份年报的 {cells} 个单元格(长表 CSV)。',
  'export.allEmpty': '本机还没有年报,没有可导出的数据。',
  'export.allFailed': '无法导出全部数据:{message}',
  'backup.failed': '无法导出备份:{message}',
  'import.kind.roster': '机构名单(所督查的机构)',
};

export const supervisionEn: Record<keyof typeof supervisionZh, Message> = {
  'export.allHead': 'Export for other tools',
  'export.all': 'Export everything (long CSV)',
  'export.allHint': 'One line per cell, for DuckDB, pandas or Excel; imports back as it was',
  'export.allDone': 'Exported {cells} cells of {reports} reports (long CSV).',
  'export.allEmpty': 'No reports are stored here yet: there is nothing to export.',
  'export.allFailed': 'Could not export everything: {message}',
  'backup.failed': 'Could not export the backup: {message}',
  'import.kind.roster': 'Roster (the organs you supervise)',
};
