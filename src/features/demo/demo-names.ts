import { type Random, table } from './demo-random.js';

/**
 * Javanese names for the demo residents, as they appear on KK cards in the Pantura villages of Rembang:
 * one-word names for the old, Islamic first names (Muhammad, Muh., Ahmad, Siti, Nur) and two- or three-part
 * names for the young, a few Christian baptismal names. Lists per generation, so that a grandmother is
 * "Painem" and her granddaughter "Keisya Azzahra".
 */
const w = (text: string) => text.split(' ');

const MALE: Record<Era, string[]> = {
  tua: w(
    'Sukardi Sutrisno Suparman Karsono Kasmin Rasmin Sarno Paijo Suwarno Slamet Sumadi Darmo Kusnadi Jumadi Rusdi ' +
      'Sanusi Mulyono Sukarjo Ngatimin Mujiono Wagiman Tukiman Warsito Suratman Legiman Parjan Sunarto Sudarsono ' +
      'Mustofa Kasiman Pardi Karto Sumarno Sarmidi Dasuki Kasmuri Masruri Ngadiman Tarmuji Rasimin Samsuri Muhadi ' +
      'Rohmat Kusmin Sudiro Sukirno Pairin Sadikin Ngasiran Juwahir Rusman Kaswadi Sumardi Tasrip Wardi',
  ),
  tengah: w(
    'Agus Budi Joko Bambang Eko Heru Teguh Wahyu Sugeng Suyanto Supriyanto Hartono Setiawan Purnomo Kuswanto ' +
      'Arifin Fauzi Mahmudi Sholikin Kholil Nurhadi Didik Yudi Rudi Susanto Santoso Edy Ari Arif Rohmadi Muhlisin ' +
      'Mashudi Zaenal Mukhlis Fathurrohman Rahmat Hidayat Suprapto Sutarno Kasno Sunardi Sugiyanto Ngatman Triyono ' +
      'Darsono Mulyadi Sukamto Rochim Masykur Syaifudin Khoirul Nasrun Munir Sodiq',
  ),
  muda: w(
    'Rizki Dimas Fajar Aditya Rizal Bayu Andi Dwi Yoga Ilham Fikri Alfin Reza Hendra Deni Angga Rendi Arya Danang ' +
      'Syaifudin Nanda Irfan Galih Bagus Rifki Abdullah Zainal Amin Lutfi Anam Huda Rizky Pratama Ridwan Taufik ' +
      'Wildan Fahmi Rohman Ulil Aris Eko Wahyu Agung Yusuf Ardi Fandi Nizar Syafiq',
  ),
  anak: w(
    'Alfatih Arkan Rafa Azka Rayyan Zidan Alvaro Kenzo Arsya Athar Fathan Gibran Danendra Abimanyu Raffi Naufal ' +
      'Hafiz Zaki Ibrahim Umar Alif Fatih Yusuf Ahza Shaka Bima Zayyan Arfan Dafa Faiz Ghani Hanan Ilyas Kahfi',
  ),
};

const FEMALE: Record<Era, string[]> = {
  tua: w(
    'Sumarni Suparmi Painem Sarmi Kasmi Sukini Tukini Ngatini Wagiyem Rukmini Sunarti Karsih Aminah Khotijah ' +
      'Fatimah Sumiyati Kasiyah Sutinah Juwariyah Rasmini Darsih Warsini Kastini Tasmi Jaminah Munah Sulastri ' +
      'Marsini Lasmi Sarminah Kasinah Rakinah Tumini Ngadinah Sukinah Partini Wakinah Rumini Sumirah Tarmi',
  ),
  tengah: w(
    'Wahyuni Aisyah Endang Dewi Wati Lestari Rahayu Hayati Maesaroh Khasanah Astuti Yuni Ani Rina Sulis Sumiati ' +
      'Kurniasih Mujiati Kulsum Hidayah Mulyani Ernawati Hartini Suwarti Endah Rohmah Rukayah Kholifah Masruroh ' +
      'Nikmah Muslimah Sundari Suprihatin Yuliani Nurhayati Supini Rusmini Sumarsih Muntamah Zulaikah',
  ),
  muda: w(
    'Lestari Azizah Aini Putri Ayu Dian Novita Fitri Indah Rizka Fadilah Fitriyah Anis Eka Devi Ratna Rani Mega ' +
      'Siska Intan Lina Hanik Zulfa Alfiyah Nisa Ulfa Nurul Laila Ika Yuli Tika Erna Vina Riska Wulan Septi',
  ),
  anak: w(
    'Aisyah Nabila Keisya Naura Azzahra Alya Syifa Zahra Kirana Adinda Salsabila Nayla Aqila Khanza Azkia ' +
      'Hafizah Aira Shakila Maryam Almira Arsyila Qiana Fatimah Hana Zalfa Nadhira Humaira Aurel Anindya',
  ),
};

const MALE_SECOND = w(
  'Santoso Susanto Hidayat Prasetyo Setiawan Saputra Pratama Wibowo Nugroho Kurniawan Hermawan Firmansyah ' +
    'Maulana Ramadhan Syahputra Hakim Hidayatullah Mubarok Anshori Mahendra Wijaya Prakoso Kusuma Alfarizi',
);
const FEMALE_SECOND = w(
  'Rahayu Lestari Wulandari Handayani Susanti Safitri Rahmawati Puspitasari Anggraini Oktaviani Ramadhani ' +
    'Maharani Azzahra Nuraini Khoirunnisa Mardiyah Kurniawati Wahyuningsih Setyaningsih Kusumawati Fitriani',
);
const CHRISTIAN_MALE = w('Yohanes Stefanus Yosef Antonius Paulus Petrus Markus Fransiskus Agustinus Andreas');
const CHRISTIAN_FEMALE = w('Maria Theresia Agustina Natalia Kristina Veronika Yohana Elisabeth Magdalena Lidia');

type Era = 'tua' | 'tengah' | 'muda' | 'anak';

const eraOf = (year: number): Era => (year < 1965 ? 'tua' : year < 1990 ? 'tengah' : year < 2010 ? 'muda' : 'anak');

/** Islamic first elements, common in Rembang: what `siti`, `sri`, `nur`, `muh` searches find. */
const MALE_PREFIX = table([
  ['Muhammad', 5],
  ['Muh.', 4],
  ['Moh.', 2],
  ['Ahmad', 5],
  ['Abdul', 2],
  ['M.', 2],
  ['Nur', 1],
] as const);
const FEMALE_PREFIX = table([
  ['Siti', 9],
  ['Sri', 6],
  ['Nur', 3],
  ['Tri', 1],
  ['Dwi', 1],
  ['Umi', 1],
] as const);

const PREFIX_CHANCE: Record<Era, number> = { tua: 0.22, tengah: 0.35, muda: 0.35, anak: 0.3 };
const SECOND_CHANCE: Record<Era, number> = { tua: 0.05, tengah: 0.25, muda: 0.5, anak: 0.75 };

/** A plausible full name for a person of this sex, birth year and religion (1 Islam, 2/3 Kristen/Katolik). */
export function demoName(rnd: Random, sex: 1 | 2, birthYear: number, agama: number): string {
  const era = eraOf(birthYear);
  const male = sex === 1;
  const given = rnd.pick(male ? MALE[era] : FEMALE[era]);
  const parts: string[] = [];
  if (agama === 2 || agama === 3) {
    if (rnd.chance(0.6)) parts.push(rnd.pick(male ? CHRISTIAN_MALE : CHRISTIAN_FEMALE));
  } else {
    const prefixChance = PREFIX_CHANCE[era];
    if (rnd.chance(prefixChance)) parts.push(rnd.from<string>(male ? MALE_PREFIX : FEMALE_PREFIX));
  }
  parts.push(given);
  const secondChance = SECOND_CHANCE[era];
  if (rnd.chance(secondChance)) {
    const second = rnd.pick(male ? MALE_SECOND : FEMALE_SECOND);
    if (!parts.includes(second)) parts.push(second);
  }
  return parts.join(' ');
}
