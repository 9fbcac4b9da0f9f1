// The built-in sample: real figures from published reports (src/sample/figures.csv, copied from shared/data).
import Papa from 'papaparse';
import figuresCsv from '../sample/figures.csv?raw';
import publishedCsv from '../sample/published.csv?raw';
import type { Report } from '../model/report';
import { reportsFromFigureRows, type FigureRow } from './figureRows';

export const SAMPLE_FILE = 'figures.csv';

export function parseFigureCsv(text: string, file: string) {
  const parsed = Papa.parse<FigureRow>(text, { header: true, skipEmptyLines: true });
  return reportsFromFigureRows(parsed.data, file);
}

interface PublishedRow {
  agency: string;
  year: string;
  published: string;
  /** The report's text in shared/data/texts whose page states the date (a test holds the two equal). */
  text: string;
}

/** The publication dates the report pages state (发布时间/发布日期), where the sample has their text. */
export function samplePublished(): PublishedRow[] {
  return Papa.parse<PublishedRow>(publishedCsv, { header: true, skipEmptyLines: true }).data;
}

/** The sample as reports. The file ships with the product, so any problem in it is a build error, not user input. */
export function sampleReports(): Report[] {
  const { reports, problems } = parseFigureCsv(figuresCsv, SAMPLE_FILE);
  if (problems.length > 0) throw new Error(`sample data: ${problems.map((p) => `${p.row}: ${p.en}`).join('; ')}`);
  const byId = new Map(reports.map((r) => [`${r.agency}|${r.year}`, r]));
  for (const p of samplePublished()) {
    const r = byId.get(`${p.agency}|${p.year}`);
    if (!r) throw new Error(`sample data: published.csv names ${p.agency} ${p.year}, which figures.csv does not have`);
    r.published = p.published;
  }
  return reports;
}
