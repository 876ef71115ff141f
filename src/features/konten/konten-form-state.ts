import type { FastifyRequest } from 'fastify';
import { findGrant } from '#src/lib/auth/grants.js';
import { type FormState, formStateFromError } from '#src/lib/forms/form.js';
import { grantsOf, param } from '#src/lib/http/request.js';
import type { Messages } from '#src/lib/i18n/messages.js';
import type { ArtikelTable } from './konten.table.js';
import { isoToLocal } from './konten-waktu.js';

/**
 * A service error shown on the form: messages of the shared dictionary are localised by formStateFromError,
 * the feature's own keys (m.konten.err) here. Null when the error is not about the form (rethrow it).
 */
export function kontenFormError(
  error: unknown,
  body: unknown,
  m: Messages,
): { status: number; state: FormState } | null {
  const failed = formStateFromError(error, body, m);
  if (!failed || failed.status === 404 || failed.status === 403) return null;
  const own = m.konten.err as Record<string, string>;
  for (const [k, v] of Object.entries(failed.state.errors)) failed.state.errors[k] = own[v] ?? v;
  return failed;
}

/** Whether the user may publish, schedule and archive in this desa (publish:web), besides writing drafts. */
export function bolehTerbit(req: FastifyRequest): boolean {
  return findGrant(grantsOf(req), 'publish:web', { kode: param(req, 'kode') }) !== null;
}

/** The editor's fields filled from a stored article. */
export function nilaiForm(a: Omit<ArtikelTable, 'id'>): Record<string, string> {
  return {
    jenis: a.jenis,
    judul: a.judul,
    ringkasan: a.ringkasan ?? '',
    isi: a.isi_html,
    kategori_id: a.kategori_id === null ? '' : String(a.kategori_id),
    terbit_pada: a.status === 'terjadwal' ? isoToLocal(a.terbit_pada) : '',
    agenda_mulai: isoToLocal(a.agenda_mulai),
    agenda_selesai: isoToLocal(a.agenda_selesai),
    agenda_tempat: a.agenda_tempat ?? '',
    hukum_jenis: a.hukum_jenis ?? '',
    hukum_nomor: a.hukum_nomor ?? '',
    hukum_tahun: a.hukum_tahun === null ? '' : String(a.hukum_tahun),
    ppid_kategori: a.ppid_kategori ?? '',
  };
}
