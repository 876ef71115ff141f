import { describe, expect, it } from 'vitest';
import { parseForm } from '#src/lib/forms/form.js';
import { messagesFor } from '#src/lib/i18n/messages.js';
import { artikelSchema } from './konten.schema.js';

const m = messagesFor('id');
const parse = (body: Record<string, string>) =>
  parseForm(artikelSchema(m), { jenis: 'berita', judul: 'Judul', isi: '<p>x</p>', ...body }, m);

describe('article form', () => {
  it('turns empty optional fields into null and times into ISO UTC', () => {
    const r = parse({ ringkasan: '', kategori_id: '', jenis: 'agenda', agenda_mulai: '2030-01-02T07:00' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toMatchObject({
      ringkasan: null,
      kategori_id: null,
      agenda_mulai: '2030-01-02T00:00:00.000Z',
      intent: 'simpan',
    });
  });

  it('asks each kind for its own fields', () => {
    const hukum = parse({ jenis: 'produk-hukum' });
    expect(hukum.ok ? {} : hukum.state.errors).toMatchObject({
      hukum_jenis: m.konten.err.hukumJenis,
      hukum_nomor: m.konten.err.hukumNomor,
      hukum_tahun: m.konten.err.hukumTahun,
    });
    const ppid = parse({ jenis: 'informasi-publik', ppid_kategori: 'dikecualikan' });
    expect(ppid.ok ? {} : ppid.state.errors).toHaveProperty('ppid_kategori');
    const agenda = parse({ jenis: 'agenda', agenda_mulai: '2030-01-02T09:00', agenda_selesai: '2030-01-02T08:00' });
    expect(agenda.ok ? {} : agenda.state.errors).toEqual({ agenda_selesai: m.konten.err.agendaSelesai });
  });

  it('schedules only in the future, and only known intents', () => {
    expect(parse({ intent: 'jadwal' }).ok).toBe(false);
    expect(parse({ intent: 'jadwal', terbit_pada: '2020-01-01T00:00' }).ok).toBe(false);
    expect(parse({ intent: 'jadwal', terbit_pada: '2099-01-01T00:00' }).ok).toBe(true);
    expect(parse({ intent: 'hapus-semua' }).ok).toBe(false);
    expect(parse({ isi: ' '.repeat(3) }).ok).toBe(false);
    expect(parse({ isi: 'x'.repeat(200_001) }).ok).toBe(false);
  });
});
