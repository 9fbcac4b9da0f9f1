// A roster file: a CSV whose header names the organ and, optionally, its level and region, and nothing else —
// no year, no figures. Each line is one organ. Read with the same rules as names in report files (names.ts), and
// an organ listed twice is named with both lines rather than one silently winning.
import type { RosterEntry } from '../model/roster';
import type { MetaRole } from './labels';
import { quoted } from './limits';
import { nameProblem } from './names';
import type { Problem } from './problems';

const ROSTER_ROLES: ReadonlySet<MetaRole> = new Set(['agency', 'level', 'region']);

/** Whether a header is a roster's: an organ column, every other column a level or region, nothing unknown. */
export function isRosterHeader(headers: readonly string[], roles: readonly (MetaRole | undefined)[]): boolean {
  if (!roles.includes('agency')) return false;
  return headers.every((h, i) => h.trim() === '' || (roles[i] !== undefined && ROSTER_ROLES.has(roles[i] as MetaRole)));
}

/** The template offered for download: the header and two example lines the person overwrites. */
export const ROSTER_TEMPLATE_HEADER = ['机构', '层级', '地区'] as const;

export class RosterBuilder {
  readonly entries: RosterEntry[] = [];
  readonly problems: Problem[] = [];
  emptyLines = 0;
  readonly #file: string;
  readonly #index: Partial<Record<'agency' | 'level' | 'region', number>> = {};
  readonly #headers: readonly string[];
  /** Organ → the line it was first listed on. */
  readonly #seen = new Map<string, number>();

  constructor(file: string, headers: readonly string[], roles: readonly (MetaRole | undefined)[]) {
    this.#file = file;
    this.#headers = headers;
    roles.forEach((role, i) => {
      if ((role === 'agency' || role === 'level' || role === 'region') && this.#index[role] === undefined) this.#index[role] = i;
    });
  }

  #field(fields: readonly string[], role: 'agency' | 'level' | 'region'): string {
    const i = this.#index[role];
    return i === undefined ? '' : (fields[i] ?? '').trim();
  }

  #problem(line: number, role: 'agency' | 'level' | 'region', code: string, zh: string, en: string): void {
    const i = this.#index[role];
    this.problems.push({ file: this.#file, row: line, column: i === undefined ? role : this.#headers[i], code, zh, en });
  }

  add(fields: readonly string[], line: number): void {
    const agency = this.#field(fields, 'agency');
    const level = this.#field(fields, 'level');
    const region = this.#field(fields, 'region');
    if (agency === '' && level === '' && region === '') {
      this.emptyLines++;
      return;
    }
    if (agency === '') {
      this.#problem(line, 'agency', 'no-organ', '缺少机构名称;本行未读取', 'the organ is missing; this line was not read');
      return;
    }
    for (const [role, text] of [['agency', agency], ['level', level], ['region', region]] as const) {
      const bad = text === '' ? null : nameProblem(role, text);
      if (bad) {
        this.#problem(line, role, bad.code, `${bad.zh};本行未读取`, `${bad.en}; this line was not read`);
        return;
      }
    }
    const first = this.#seen.get(agency);
    if (first !== undefined) {
      this.#problem(
        line,
        'agency',
        'duplicate-organ',
        `“${quoted(agency)}”在第 ${first} 行已经列出;本行未读取`,
        `"${quoted(agency)}" is already listed on line ${first}; this line was not read`,
      );
      return;
    }
    this.#seen.set(agency, line);
    this.entries.push({ agency, level, region });
  }
}
