// Money units: reports print procurement amounts in 元, in 万元 or with no unit at all.

export type MoneyUnitState = 'yuan' | 'wan' | 'unknown';

export function moneyUnitState(unit: string | undefined): MoneyUnitState {
  if (unit === undefined || unit.trim() === '') return 'unknown';
  const u = unit.trim();
  if (u === '万元') return 'wan';
  if (u === '元') return 'yuan';
  return 'unknown';
}

/**
 * An amount in 万元 where the unit is known; null where it is not (the caller shows it as printed and marks it).
 * Rounded to 6 decimals so 75394432.52 元 → 7539.443252 万元 with no float dust.
 */
export function toWanYuan(value: number, unit: string | undefined): number | null {
  switch (moneyUnitState(unit)) {
    case 'wan':
      return value;
    case 'yuan':
      return Math.round((value / 10000) * 1e6) / 1e6;
    case 'unknown':
      return null;
  }
}
