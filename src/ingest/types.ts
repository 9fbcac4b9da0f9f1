// What reading one input produces, and what the person may tell the reader (encoding, column mappings).
// Plain data only: these objects cross the worker boundary by structured clone.
import type { Report } from '../model/report';
import type { RosterEntry } from '../model/roster';
import type { Delimiter } from './csv';
import type { ExtractedReport } from './document/interpret';
import type { DocFormat } from './document/types';
import type { EncodingId } from './encoding';
import type { MetaRole } from './labels';
import type { Problem } from './problems';

/**
 * 'snapshot': the chart snapshot of a share link, stored from the banner (not a file). 'document': a published
 * report (web page, PDF, Word, Excel, text) read by the document pipeline.
 */
export type FileKind = 'long' | 'wide' | 'json-reports' | 'backup' | 'snapshot' | 'document' | 'roster' | 'unknown';
export const FILE_KINDS: readonly FileKind[] = ['long', 'wide', 'json-reports', 'backup', 'snapshot', 'document', 'roster', 'unknown'];

/** How one column of a CSV was understood. */
export interface ColumnInfo {
  index: number;
  header: string;
  /** A meta column, a figure, one the reader could not place, or one the person chose to skip. */
  role: MetaRole | 'figure' | 'unknown' | 'skipped';
  key?: string;
  /** Unit named in the header. */
  unit?: string;
  /** The person mapped this column (rather than the reader recognising it). */
  mapped?: boolean;
  /** Figures an ambiguous header could name. */
  candidates?: string[];
  /** A few values from the column, to help the person decide what an unknown column is. */
  samples?: string[];
}

/** The person's decision for a column the reader could not place: a canonical key, or null to skip it. */
export type ColumnMappings = Record<number, string | null>;

export interface ParseOptions {
  /** Decode with this encoding instead of detecting one. */
  encoding?: EncodingId;
  mappings?: ColumnMappings;
}

/** 'document': a published report; its reader chose (web pages: BOM, <meta charset>, UTF-8, GB18030). */
export type EncodingSource = 'bom' | 'utf-8-valid' | 'fallback' | 'override' | 'text' | 'document';

/** A published report's reading: per report of `FileResult.reports` (same order), the source of every figure. */
export interface DocumentInfo {
  format: DocFormat;
  extracted: ExtractedReport[];
}

export interface FileResult {
  file: string;
  bytes: number;
  kind: FileKind;
  /** Encoding used; 'text' for pasted text, which never was bytes. */
  encoding: EncodingId | 'text';
  encodingSource: EncodingSource;
  /** Characters the chosen encoding could not decode (U+FFFD): a hint that another encoding is right. */
  replacementChars: number;
  delimiter?: Delimiter;
  columns: ColumnInfo[];
  /** Data records read (header excluded). */
  rows: number;
  /** Records with nothing in them (unfilled template lines): ignored, counted, shown. */
  emptyLines: number;
  reports: Report[];
  problems: Problem[];
  /** Problems found in all; `problems` keeps the first MAX_PROBLEMS so a broken 100 MB file stays usable. */
  problemsTotal: number;
  /** Time the reader took (decode, parse, build reports), in milliseconds. */
  readMs?: number;
  /** The whole backup, when the file is one (it can restore, not only import). */
  backup?: BackupContent;
  /** Published reports: where each figure was read and what a person should check. */
  documents?: DocumentInfo;
  /** A roster file: the organs a person supervises (no reports). */
  roster?: RosterEntry[];
}

export const MAX_PROBLEMS = 10_000;

/** Counts of an import, kept in its history record. */
export interface ImportCounts {
  added: number;
  replaced: number;
  skipped: number;
  problems: number;
}

/** One import as the history keeps it: enough to show it and to undo it exactly. */
export interface ImportRecord {
  id: string;
  at: string;
  files: { name: string; kind: FileKind; encoding: string; delimiter?: string; rows: number }[];
  counts: ImportCounts;
  /** Reports the import created (undo deletes them). */
  added: { agency: string; year: number }[];
  /** The records the import overwrote, as they were (undo puts them back). */
  replaced: Report[];
}

/** The project's own JSON format, version 1: also the backup. */
export const PROJECT_FORMAT = 'disclosure-report-dashboard';
export const PROJECT_VERSION = 1;

export interface BackupContent {
  format: typeof PROJECT_FORMAT;
  version: typeof PROJECT_VERSION;
  exportedAt: string;
  reports: Report[];
  imports: ImportRecord[];
  /** The roster of supervised organs travels with the backup (absent in backups made before it existed). */
  meta: { sampleSeededAt?: string; roster?: RosterEntry[] };
}
