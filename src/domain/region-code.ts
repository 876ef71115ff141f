/**
 * Kemendagri region codes (Permendagri 58/2021 structure): `PP`, `PP.KK`, `PP.KK.CC`, `PP.KK.CC.DDDD`.
 * Kabupaten 01–69, kota 71–99; the first village digit is 1 for a kelurahan, 2 for a desa, 3 for a desa adat.
 */
export const TINGKAT = ['provinsi', 'kabupaten', 'kota', 'kecamatan', 'desa', 'kelurahan'] as const;
export type Tingkat = (typeof TINGKAT)[number];

const CODE_PATTERN = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export function isRegionCode(value: string): boolean {
  return CODE_PATTERN.test(value);
}

/** 0 = provinsi, 1 = kabupaten/kota, 2 = kecamatan, 3 = desa/kelurahan */
export function levelOf(kode: string): 0 | 1 | 2 | 3 {
  return (kode.split('.').length - 1) as 0 | 1 | 2 | 3;
}

export function tingkatOf(kode: string): Tingkat {
  const parts = kode.split('.');
  switch (parts.length) {
    case 1:
      return 'provinsi';
    case 2:
      return Number(parts[1]) >= 71 ? 'kota' : 'kabupaten';
    case 3:
      return 'kecamatan';
    default:
      return parts[3]?.startsWith('1') ? 'kelurahan' : 'desa';
  }
}

export function parentOf(kode: string): string | null {
  const cut = kode.lastIndexOf('.');
  return cut < 0 ? null : kode.slice(0, cut);
}

/** Every ancestor code from the province down, the code itself last. */
export function lineageOf(kode: string): string[] {
  const parts = kode.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** Whether the region `scope` contains (or is) the region `kode`. */
export function regionCovers(scope: string, kode: string): boolean {
  return kode === scope || kode.startsWith(`${scope}.`);
}

export function isVillageLevel(kode: string): boolean {
  return levelOf(kode) === 3;
}
