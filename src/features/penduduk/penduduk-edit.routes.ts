import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { cleanNumber } from '#src/domain/nik.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { listLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import { isHttpError } from '#src/lib/errors.js';
import { emptyForm, type FormState, formStateFromError, keepValues, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, intParam, redirect } from '#src/lib/http/request.js';
import type { Messages } from '#src/lib/i18n/messages.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import type { PendudukRow } from './penduduk.repository.js';
import { PendudukEditSchema } from './penduduk.schema.js';
import { getPenduduk, updatePerson } from './penduduk.service.js';
import { fieldText, formValue } from './penduduk-display.js';
import { EditPendudukPage } from './penduduk-form.views.js';
import { pickPerson, stateWith, unitInDesa } from './penduduk-form-input.js';
import { ALL_FIELDS } from './penduduk-groups.js';
import { can } from './penduduk-scope.js';

/** The stored record as form values. */
function valuesOf(row: PendudukRow): Record<string, string> {
  const values: Record<string, string> = { lingkungan_id: formValue(row.lingkungan_id) };
  for (const def of ALL_FIELDS) values[def.name] = formValue((row as unknown as Record<string, unknown>)[def.name]);
  return values;
}

/** Fields where the record as saved now differs from what the operator typed (shown after a refused save). */
function differences(row: PendudukRow, body: Record<string, string>, m: Messages, lang: 'id' | 'en', full: boolean) {
  const stored = valuesOf(row);
  const same = (name: string, a: string, b: string) =>
    name === 'nik' || name.endsWith('_nik') ? cleanNumber(a) === cleanNumber(b) : a.trim() === b.trim();
  const out: { label: string; stored: string }[] = [];
  for (const def of ALL_FIELDS) {
    if (same(def.name, stored[def.name] ?? '', body[def.name] ?? '')) continue;
    const value = (row as unknown as Record<string, unknown>)[def.name];
    out.push({ label: m.registry.field[def.name] ?? def.name, stored: fieldText(def, value, full, lang) });
  }
  return out;
}

export function pendudukEditRoutes(d: Deps) {
  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    row: PendudukRow & { id: number },
    state: FormState,
    versi: number,
    diff: { label: string; stored: string }[] = [],
  ) {
    const [units, installation] = await Promise.all([
      listLingkungan(d.db, row.desa_kode),
      getInstallationKabupaten(d.db),
    ]);
    return sendPage(
      reply,
      status,
      h(EditPendudukPage, {
        ctx: pageCtx(req, reply, installation?.nama ?? null),
        person: row,
        versi,
        state,
        units,
        differences: diff,
      }),
    );
  }

  return {
    async showEdit(req: FastifyRequest, reply: FastifyReply) {
      const row = await getPenduduk(d.db, intParam(req, 'id'));
      return render(req, reply, 200, row, emptyForm(valuesOf(row)), row.versi);
    },

    /**
     * Save an edit. When someone else saved since the form was opened, nothing is overwritten: the form comes
     * back with the operator's input, who changed the record and when, the fields that now differ, and the
     * current version — saving again then deliberately replaces the other change.
     */
    async saveEdit(req: FastifyRequest, reply: FastifyReply) {
      const id = intParam(req, 'id');
      const row = await getPenduduk(d.db, id);
      const started = Number((req.body as Record<string, unknown> | undefined)?.versi) || row.versi;
      const parsed = parseForm(PendudukEditSchema, req.body, req.m);
      if (!parsed.ok) return render(req, reply, 400, row, parsed.state, started);
      const data = parsed.data;
      if (!unitInDesa(await listLingkungan(d.db, row.desa_kode), data.lingkungan_id))
        return render(
          req,
          reply,
          400,
          row,
          stateWith(req.body, { lingkungan_id: 'lingkunganTidakDitemukan' }, req.m),
          started,
        );
      try {
        await updatePerson(d.db, actorOf(req), id, data.versi, pickPerson(data), data.lingkungan_id);
      } catch (error) {
        if (isHttpError(error) && error.key === 'diubahOrangLain') {
          const now = await getPenduduk(d.db, id);
          const values = keepValues(req.body);
          const message = req.m.pendudukUi.form.diubahOrangLain(
            now.diperbarui_oleh ?? '?',
            formatDateTime(now.diperbarui_pada, req.lang),
          );
          const diff = differences(now, values, req.m, req.lang, can(req, 'read:nik', { kode: now.desa_kode }));
          return render(req, reply, 409, now, { values, errors: {}, message }, now.versi, diff);
        }
        const f = formStateFromError(error, req.body, req.m);
        if (!f || f.status === 404) throw error;
        return render(req, reply, f.status, row, f.state, started);
      }
      setFlash(reply, req.m.flash.disimpan);
      return redirect(reply, `/penduduk/${id}`);
    },
  };
}
