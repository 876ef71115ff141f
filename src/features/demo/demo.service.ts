import { randomBytes } from 'node:crypto';
import type { Env } from '#src/env.js';
import { activateDesa } from '#src/features/desa/desa.service.js';
import { getInstallationKabupaten, setInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import * as lingkunganRepo from '#src/features/lingkungan/lingkungan.repository.js';
import { addUnit } from '#src/features/lingkungan/lingkungan-ensure.js';
import { findUserByUsername } from '#src/features/pengguna/pengguna.repository.js';
import { createUser } from '#src/features/pengguna/pengguna.service.js';
import { listChildRegions } from '#src/features/wilayah/wilayah.repository.js';
import type { Actor } from '#src/lib/audit/audit.js';
import type { Role } from '#src/lib/auth/roles.js';
import type { Db } from '#src/lib/db/connect.js';
import { demoTree } from './demo-data.js';
import { loadDemoKonten } from './demo-konten.service.js';
import { type DemoPendudukResult, loadDemoPenduduk } from './demo-penduduk.service.js';
import { DEMO_KABUPATEN, DEMO_KECAMATAN } from './demo-plan.js';

export { DEMO_KABUPATEN, DEMO_KECAMATAN };

const DEMO_DESA = '33.17.09.2001';

export interface DemoOptions {
  /** every desa and kelurahan of the kabupaten (294, ~650,000 residents) instead of Kaliori's 23 */
  allDesa?: boolean;
  /** multiplies the residents per desa (tests); 0 = no residents */
  skala?: number;
  /** reference date of the residents' events, YYYY-MM-DD (default today) */
  today?: string;
  /** progress lines for the terminal */
  progress?: (line: string) => void;
  /** settings the web content is checked with (the installation's env); default: no extra player hosts */
  web?: Pick<Env, 'BALAI_IFRAME_HOSTS' | 'BALAI_PUBLIC_URL'>;
}

export interface DemoAccount {
  username: string;
  peran: Role;
  lingkup: string;
  /** null when the account already existed (its password is not changed) */
  sandi: string | null;
}

export interface DemoResult {
  desaDiaktifkan: number;
  desaDenganWilayahBaru: number;
  penduduk: DemoPendudukResult;
  /** news, announcements, agenda and a Perdes published on the Kaliori desa sites */
  artikel: number;
  akun: DemoAccount[];
}

/** The demo dusun/RW/RT tree of a desa that has none yet; false when it already has units. */
export async function seedLingkungan(db: Db, actor: Actor, desaKode: string): Promise<boolean> {
  if ((await lingkunganRepo.listLingkungan(db, desaKode)).length > 0) return false;
  await db.transaction().execute(async (trx) => {
    const add = (tingkat: 'dusun' | 'rw' | 'rt', nama: string, indukId: number | null) =>
      addUnit(trx, actor, { desaKode, tingkat, nama, indukId });
    for (const dusun of demoTree(desaKode)) {
      const dusunId = await add('dusun', dusun.nama, null);
      for (const rt of dusun.tanpaRw) await add('rt', rt, dusunId);
      for (const rw of dusun.rw) {
        const rwId = await add('rw', rw.nomor, dusunId);
        for (const rt of rw.rt) await add('rt', rt, rwId);
      }
    }
  });
  return true;
}

/**
 * `npx balai demo`: Kabupaten Rembang with the 23 desa of Kecamatan Kaliori active (with `allDesa`: all 294
 * desa and kelurahan), plausible dusun/RW/RT, synthetic residents (3,000–6,000 per desa of Kaliori, about
 * 650,000 in the kabupaten), and one account per role with a random password printed once. Safe to run
 * again: nothing is duplicated and existing passwords are never changed.
 */
export async function loadDemo(db: Db, options: DemoOptions = {}): Promise<DemoResult> {
  const actor: Actor = {
    penggunaId: null,
    username: 'demo',
    peran: 'sistem',
    lingkup: null,
    requestId: null,
    ip: null,
  };
  const current = await getInstallationKabupaten(db);
  if (current && current.kode !== DEMO_KABUPATEN) {
    throw new Error(`Instalasi ini melayani ${current.nama}; data demo hanya untuk Kabupaten Rembang.`);
  }
  if (!current) await setInstallationKabupaten(db, DEMO_KABUPATEN);
  const kecamatan = options.allDesa
    ? (await listChildRegions(db, DEMO_KABUPATEN)).map((k) => k.kode)
    : [DEMO_KECAMATAN];
  const desa: string[] = [];
  let desaDiaktifkan = 0;
  for (const kode of kecamatan) {
    const activation = await activateDesa(db, actor, kode);
    desaDiaktifkan += activation.diaktifkan.length;
    desa.push(...activation.diaktifkan, ...activation.sudahAktif);
  }
  let desaDenganWilayahBaru = 0;
  for (const kode of desa) {
    if (await seedLingkungan(db, actor, kode)) desaDenganWilayahBaru += 1;
  }
  // residents before the accounts: a load cut short is resumed by running again, and the passwords are
  // printed only once everything else has succeeded
  const penduduk = await loadDemoPenduduk(db, actor, desa, {
    skala: options.skala ?? 1,
    ...(options.today ? { today: options.today } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
  });

  const kaliori = await listChildRegions(db, DEMO_KECAMATAN);
  const artikel = await loadDemoKonten(
    db,
    options.web ?? { BALAI_IFRAME_HOSTS: [], BALAI_PUBLIC_URL: undefined },
    actor,
    kaliori.filter((k) => desa.includes(k.kode)).map((k) => ({ kode: k.kode, nama: k.nama })),
  );

  const firstDusun = (await lingkunganRepo.listLingkungan(db, DEMO_DESA)).find(
    (l) => l.tingkat === 'dusun' && l.nama === 'Krajan',
  );
  const plan: { username: string; nama: string; peran: Role; lingkup: string; lingkungan: number | null }[] = [
    {
      username: 'kab.rembang',
      nama: 'Admin Kabupaten Rembang',
      peran: 'admin-kabupaten',
      lingkup: DEMO_KABUPATEN,
      lingkungan: null,
    },
    {
      username: 'kec.kaliori',
      nama: 'Staf Kecamatan Kaliori',
      peran: 'staf-kecamatan',
      lingkup: DEMO_KECAMATAN,
      lingkungan: null,
    },
    {
      username: 'admin.meteseh',
      nama: 'Admin Desa Meteseh',
      peran: 'admin-desa',
      lingkup: DEMO_DESA,
      lingkungan: null,
    },
    {
      username: 'operator.meteseh',
      nama: 'Operator Desa Meteseh',
      peran: 'operator-desa',
      lingkup: DEMO_DESA,
      lingkungan: null,
    },
    {
      username: 'sekdes.meteseh',
      nama: 'Sekretaris Desa Meteseh',
      peran: 'sekretaris-desa',
      lingkup: DEMO_DESA,
      lingkungan: null,
    },
    {
      username: 'kades.meteseh',
      nama: 'Kepala Desa Meteseh',
      peran: 'kepala-desa',
      lingkup: DEMO_DESA,
      lingkungan: null,
    },
    {
      username: 'editor.meteseh',
      nama: 'Editor Web Meteseh',
      peran: 'editor-web',
      lingkup: DEMO_DESA,
      lingkungan: null,
    },
    {
      username: 'krajan.meteseh',
      nama: 'Operator Dusun Krajan',
      peran: 'operator-wilayah',
      lingkup: DEMO_DESA,
      lingkungan: firstDusun?.id ?? null,
    },
  ];
  const akun: DemoAccount[] = [];
  for (const p of plan) {
    if (await findUserByUsername(db, p.username)) {
      akun.push({ username: p.username, peran: p.peran, lingkup: p.lingkup, sandi: null });
      continue;
    }
    const sandi = randomBytes(12).toString('base64url');
    await createUser(
      db,
      actor,
      {
        username: p.username,
        nama: p.nama,
        email: null,
        sandi,
        harusGantiSandi: false,
        assignment: { peran: p.peran, lingkup_kode: p.lingkup, lingkungan_id: p.lingkungan },
      },
      null,
    );
    akun.push({ username: p.username, peran: p.peran, lingkup: p.lingkup, sandi });
  }
  return { desaDiaktifkan, desaDenganWilayahBaru, penduduk, artikel, akun };
}
