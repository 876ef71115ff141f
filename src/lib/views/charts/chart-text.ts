import type { Lang } from '#src/lib/i18n/messages.js';
import { usePage } from '#src/lib/views/page-context.js';

/** Words of the charts in each language (numbers stay in the Indonesian format: they are official figures). */
const teks = {
  id: {
    lihatTabel: 'Lihat tabel',
    kosong: 'Belum ada data untuk ditampilkan.',
    kategori: 'Kategori',
    jumlah: 'Jumlah',
    persen: 'Persen',
    laki: 'Laki-laki',
    perempuan: 'Perempuan',
    umur: 'Kelompok umur',
    bulan: 'Bulan',
    lainnya: (n: number) => `Lainnya (${n} kategori)`,
    rincian: 'Angka lengkap ada di tabel.',
    batang: (n: number, seri: string) => `Diagram batang, ${n} kategori${seri ? `, seri ${seri}` : ''}.`,
    tertinggi: (label: string, nilai: string) => `Tertinggi: ${label} (${nilai}).`,
    donat: (n: number, total: string) => `Diagram donat, ${n} kategori, total ${total}.`,
    terbesar: (label: string, persen: string) => `Bagian terbesar: ${label} (${persen}).`,
    piramida: (n: number, laki: string, perempuan: string) =>
      `Piramida penduduk, ${n} kelompok umur, laki-laki di kiri (${laki}) dan perempuan di kanan (${perempuan}).`,
    garis: (dari: string, sampai: string, seri: string) => `Diagram garis ${dari} sampai ${sampai}, seri ${seri}.`,
    dan: 'dan',
  },
  en: {
    lihatTabel: 'Show table',
    kosong: 'No data to show yet.',
    kategori: 'Category',
    jumlah: 'Total',
    persen: 'Percent',
    laki: 'Male',
    perempuan: 'Female',
    umur: 'Age group',
    bulan: 'Month',
    lainnya: (n: number) => `Other (${n} categories)`,
    rincian: 'The table has every figure.',
    batang: (n: number, seri: string) => `Bar chart, ${n} categories${seri ? `, series ${seri}` : ''}.`,
    tertinggi: (label: string, nilai: string) => `Highest: ${label} (${nilai}).`,
    donat: (n: number, total: string) => `Donut chart, ${n} categories, total ${total}.`,
    terbesar: (label: string, persen: string) => `Largest share: ${label} (${persen}).`,
    piramida: (n: number, laki: string, perempuan: string) =>
      `Population pyramid, ${n} age groups, males on the left (${laki}) and females on the right (${perempuan}).`,
    garis: (dari: string, sampai: string, seri: string) => `Line chart from ${dari} to ${sampai}, series ${seri}.`,
    dan: 'and',
  },
} satisfies Record<Lang, unknown>;

export type ChartText = (typeof teks)['id'];

/** The chart words for the language of the current page. */
export function useChartText(): ChartText {
  return teks[usePage().lang];
}

/** "A", "A dan B", "A, B dan C". */
export function daftar(nama: string[], dan: string): string {
  if (nama.length <= 1) return nama.join('');
  return `${nama.slice(0, -1).join(', ')} ${dan} ${nama.at(-1)}`;
}
