/** The last day a letter is valid: its date plus the type's validity (d/w/M/y), minus one day. */
export function berlakuSampai(
  tanggal: string,
  jumlah: number | null,
  satuan: 'd' | 'w' | 'M' | 'y' | null,
): string | null {
  if (!jumlah || !satuan) return null;
  const [y, m, d] = tanggal.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (satuan === 'd') date.setUTCDate(date.getUTCDate() + jumlah);
  if (satuan === 'w') date.setUTCDate(date.getUTCDate() + 7 * jumlah);
  if (satuan === 'M' || satuan === 'y') {
    const months = satuan === 'M' ? jumlah : 12 * jumlah;
    const target = new Date(Date.UTC(y, m - 1 + months, 1));
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    date.setTime(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay)));
  }
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
