import type { DemoResult } from '#src/features/demo/demo.service.js';

export function demoReport(result: DemoResult, allDesa = false): string {
  const p = result.penduduk;
  const lines = [
    allDesa
      ? 'Data demo: Kabupaten Rembang, semua 294 desa/kelurahan.'
      : 'Data demo: Kabupaten Rembang, Kecamatan Kaliori (23 desa).',
    `  desa baru diaktifkan: ${result.desaDiaktifkan}; desa yang diberi dusun/RW/RT: ${result.desaDenganWilayahBaru}`,
    `  penduduk contoh: ${p.penduduk.toLocaleString('id-ID')} ditambahkan di ${p.desaDiisi} desa; ${p.desaDilewati} desa sudah berisi (dilewati)`,
    `  situs desa: ${result.artikel} berita/pengumuman/agenda contoh diterbitkan (buka /situs/33.17.09.2001)`,
    '',
    'Akun demo (kata sandi hanya dicetak sekarang; simpan di tempat aman):',
  ];
  const width = Math.max(...result.akun.map((a) => a.username.length));
  for (const a of result.akun) {
    const pw = a.sandi ?? '(sudah ada — kata sandi tidak diubah)';
    lines.push(`  ${a.username.padEnd(width)}  ${pw.padEnd(16)}  ${a.peran} @ ${a.lingkup}`);
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}
