// The built-in sample: real figures from published reports (src/sample/figures.csv, copied from shared/data).
import Papa from 'papaparse';
import figuresCsv from '../sample/figures.csv?raw';
import type { Report } from '../model/report';
import { reportsFromFigureRows, type FigureRow } from './figureRows';

export const SAMPLE_FILE = 'figures.csv';

export function parseFigureCsv(text: string, file: string) {
  const parsed = Papa.parse<FigureRow>(text, { header: true, skipEmptyLines: true });
  return reportsFromFigureRows(parsed.data, file);
}

/** The sample as reports. The file ships with the product, so any problem in it is a build error, not user input. */
export function sampleReports(): Report[] {
  const { reports, problems } = parseFigureCsv(figuresCsv, SAMPLE_FILE);
  if (problems.length > 0) throw new Error(`sample data: ${problems.map((p) => `${p.row}: ${p.en}`).join('; ')}`);
  return reports;
}
