/**
 * Person names. Any letters (Unicode: "Ni Luh Putu", "Ṣāliḥ", "Nguyễn"), spaces and . , ' - are accepted —
 * unlike the incumbent's ASCII-only rule. For search and duplicate detection a name is normalised:
 * lower case, accents and punctuation removed, spaces collapsed.
 */
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} .,'’-]*$/u;

export function isValidPersonName(value: string): boolean {
  return value.length <= 100 && NAME.test(value.trim());
}

export function tidyName(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

export function normaliseName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.,'’-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
