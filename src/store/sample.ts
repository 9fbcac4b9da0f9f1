// The built-in sample as the store writes it. src/sample/figures.csv is read by the importer's long-CSV code when
// this file is made (tests/unit/store-sample.test.ts checks the two agree and rewrites it with UPDATE_SAMPLE=1), so
// the first visit loads a small JSON module instead of the CSV, PapaParse and the label tables.
import type { Report } from '../model/report';
import sample from './sample.json';
import { fromStoredCopy, type StoredReport } from './shape';

export function sampleReports(): Report[] {
  return (sample as unknown as StoredReport[]).map(fromStoredCopy);
}
