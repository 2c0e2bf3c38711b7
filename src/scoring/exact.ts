/**
 * Exact score arithmetic. Indicators are multiples of 0.5 and composites have two decimals, so
 * both are held as integers (halves, hundredths) and means as fractions: binary floating point
 * would round 5.075 down.
 */
export interface Fraction {
  num: number;
  den: number;
}

/** A score read from YAML (a double holding a decimal literal) as a whole number of units. */
export function toUnits(value: number, perOne: number): number {
  return Math.round(value * perOne);
}

/** True when the double is exactly a decimal with at most `decimals` places. */
export function hasDecimals(value: number, decimals: number): boolean {
  const scale = 10 ** decimals;
  return toUnits(value, scale) / scale === value;
}

export function meanOfHalves(halves: number[]): Fraction {
  return { num: halves.reduce((sum, h) => sum + h, 0), den: 2 * halves.length };
}

export function meanOfFractions(parts: Fraction[]): Fraction {
  const den = parts.reduce((d, p) => d * p.den, 1);
  const num = parts.reduce((sum, p) => sum + (p.num * den) / p.den, 0);
  return { num, den: den * parts.length };
}

/** Rounds a non-negative fraction half up to hundredths: 5.075 -> 508. */
export function roundToHundredths(f: Fraction): number {
  return Math.floor((200 * f.num + f.den) / (2 * f.den));
}

/** 508 -> "5.08", 600 -> "6.00". */
export function formatHundredths(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  return `${whole}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** A composite read from YAML, printed with two decimals: 6 -> "6.00", 4.15 -> "4.15". */
export function formatScore(value: number): string {
  return formatHundredths(toUnits(value, 100));
}

/** 9 -> "4.5", 6 -> "3.0": an indicator in halves, written as the dataset writes it. */
export function formatHalves(halves: number): string {
  return `${Math.floor(halves / 2)}.${halves % 2 === 0 ? '0' : '5'}`;
}
