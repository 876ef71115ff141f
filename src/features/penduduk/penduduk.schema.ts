import { z } from 'zod';
import { optionalEmail, optionalPhone, optionalText } from '#src/lib/forms/fields.js';
import {
  code,
  nikOrNone,
  optionalCoordinate,
  optionalDate,
  optionalInt,
  optionalPersonName,
  parentNik,
  personName,
  requiredCode,
  requiredDate,
} from '#src/lib/forms/penduduk-fields.js';

const tagIdCard = () =>
  z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^[0-9A-Za-z]{10,17}$/.test(v), { error: 'tagIdCardTidakValid' });

const timeOfDay = () =>
  z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { error: 'jamTidakValid' });

/**
 * Every field of a person's record (the 74 columns of OpenSID's resident, minus bookkeeping), with the
 * OpenSID column names. Optional unless a form below says otherwise.
 */
export const pendudukFields = {
  nik: nikOrNone(),
  nama: personName(),
  sex: code('jenis_kelamin'),
  tempatlahir: optionalText(100),
  tanggallahir: optionalDate(),
  waktu_lahir: timeOfDay(),
  tempat_dilahirkan: code('tempat_dilahirkan'),
  jenis_kelahiran: code('jenis_kelahiran'),
  kelahiran_anak_ke: optionalInt(1, 30),
  penolong_kelahiran: code('penolong_kelahiran'),
  berat_lahir: optionalInt(200, 9999),
  panjang_lahir: optionalText(10),
  agama_id: code('agama'),
  pendidikan_kk_id: code('pendidikan_kk'),
  pendidikan_sedang_id: code('pendidikan_sedang'),
  pekerjaan_id: code('pekerjaan'),
  status_kawin: code('status_kawin'),
  warganegara_id: code('warga_negara'),
  negara_asal: optionalText(50),
  dokumen_pasport: optionalText(45),
  tanggal_akhir_paspor: optionalDate(),
  dokumen_kitas: optionalText(45),
  ayah_nik: parentNik(),
  ibu_nik: parentNik(),
  nama_ayah: optionalPersonName(),
  nama_ibu: optionalPersonName(),
  golongan_darah_id: code('golongan_darah'),
  status: code('status_penduduk'),
  alamat_sebelumnya: optionalText(200),
  alamat_sekarang: optionalText(200),
  hamil: code('hamil'),
  cacat_id: code('cacat'),
  sakit_menahun_id: code('sakit_menahun'),
  cara_kb_id: code('cara_kb'),
  akta_lahir: optionalText(40),
  akta_perkawinan: optionalText(40),
  tanggalperkawinan: optionalDate(),
  akta_perceraian: optionalText(40),
  tanggalperceraian: optionalDate(),
  no_kk_sebelumnya: optionalText(30),
  ktp_el: code('ktp_el'),
  status_rekam: code('status_rekam_ktp'),
  tempat_cetak_ktp: optionalText(150),
  tanggal_cetak_ktp: optionalDate(),
  tag_id_card: tagIdCard(),
  id_asuransi: code('asuransi'),
  no_asuransi: optionalText(100),
  bpjs_ketenagakerjaan: optionalText(100),
  telepon: optionalPhone(),
  email: optionalEmail(),
  bahasa_id: code('bahasa'),
  suku: optionalText(150),
  ket: optionalText(500),
  lat: optionalCoordinate(90),
  lng: optionalCoordinate(180),
};

/** The resident form of the admin office: name, sex and birth date are needed for every count and check. */
export const PendudukFormSchema = z.object({
  ...pendudukFields,
  sex: requiredCode('jenis_kelamin'),
  tanggallahir: requiredDate(),
  lingkungan_id: z.coerce.number({ error: 'wajibDiisi' }).int().positive({ error: 'wajibDiisi' }),
});
export type PendudukForm = z.infer<typeof PendudukFormSchema>;

/** Editing keeps the version the operator started from (optimistic concurrency). */
export const PendudukEditSchema = PendudukFormSchema.extend({
  versi: z.coerce.number().int().positive(),
});

const PendudukBase = z.object(pendudukFields);
/** The person part of a record as the service receives it (form, API or import). */
export type PendudukInput = z.infer<typeof PendudukBase>;
