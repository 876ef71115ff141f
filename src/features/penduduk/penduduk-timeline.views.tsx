import { type CodeListName, codeLabel } from '#src/domain/codes.js';
import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { ErrorSummary, PostForm, TextArea } from '#src/lib/views/components.js';
import { usePage } from '#src/lib/views/page-context.js';
import type { EventRow, TimelineEntry } from './penduduk-detail.service.js';
import { formatDate, shownNumber } from './penduduk-display.js';

/** Details an event may carry, in the order shown; coded ones with their list, numbers masked. */
const DETAILS: readonly { name: keyof EventRow; list?: CodeListName; secret?: boolean }[] = [
  { name: 'meninggal_di' },
  { name: 'jam_mati' },
  { name: 'sebab', list: 'sebab_kematian' },
  { name: 'penolong_mati', list: 'penolong_kematian' },
  { name: 'akta_mati', secret: true },
  { name: 'ref_pindah', list: 'jenis_pindah' },
  { name: 'alamat_tujuan' },
  { name: 'alamat_asal' },
  { name: 'maksud_tujuan_kedatangan' },
  { name: 'nama_kk' },
  { name: 'no_kk', secret: true },
];

function EventFacts({ event, fullNumbers }: { event: EventRow; fullNumbers: boolean }) {
  const { m, lang } = usePage();
  const label = m.pendudukUi.peristiwaField;
  const facts = DETAILS.flatMap((d) => {
    const raw = event[d.name];
    if (raw === null || raw === undefined || raw === '') return [];
    const text = d.list
      ? (codeLabel(d.list, Number(raw)) ?? String(raw))
      : d.secret
        ? shownNumber(String(raw), fullNumbers)
        : String(raw);
    return [[label[d.name] ?? d.name, text] as const];
  });
  return (
    <dl class="facts">
      <dt>{label.tgl_peristiwa}</dt>
      <dd>{formatDate(event.tgl_peristiwa, lang)}</dd>
      <dt>{label.tgl_lapor}</dt>
      <dd>{formatDate(event.tgl_lapor, lang)}</dd>
      {facts.map(([k, v]) => [<dt key={`${k}-t`}>{k}</dt>, <dd key={`${k}-d`}>{v}</dd>])}
      {event.catatan && [<dt key="c-t">{label.catatan}</dt>, <dd key="c-d">{event.catatan}</dd>]}
    </dl>
  );
}

/** The reversal form of the latest standing event (a reason is required; the event stays in the history). */
function ReverseForm({ event, state }: { event: EventRow; state: FormState }) {
  const { m } = usePage();
  const d = m.pendudukUi.detail;
  const failed = Object.keys(state.errors).length > 0 || state.message !== undefined;
  return (
    <details class="manage" open={failed}>
      <summary>{d.batalkan}</summary>
      <PostForm action={`/peristiwa/${event.id}/batal`} label={d.batalkan}>
        <TextArea name="alasan" label={d.alasanBatal} hint={d.alasanBatalHint} state={state} rows={2} />
        <button type="submit" class="danger small">
          {d.batalkan}
        </button>
      </PostForm>
    </details>
  );
}

/** A person's events, newest first: reversed ones marked with who reversed them, when and why. */
export function Timeline(props: {
  entries: readonly TimelineEntry[];
  fullNumbers: boolean;
  canReverse: boolean;
  /** the reversal form that failed, shown open with its messages */
  batal?: { eventId: number; state: FormState } | undefined;
}) {
  const { m, lang } = usePage();
  const d = m.pendudukUi.detail;
  if (props.entries.length === 0) return <p class="muted">{d.tanpaRiwayat}</p>;
  return (
    <>
      {/* a refused reversal is explained here, also when its event can no longer be reversed */}
      {props.batal && <ErrorSummary state={props.batal.state} />}
      <ol class="timeline" reversed>
        {[...props.entries].reverse().map(({ event, reversal, reversible }) => (
          <li key={event.id} class={reversal ? 'reversed' : undefined}>
            <h3>
              {m.registry.peristiwa[event.kode] ?? event.kode}
              {reversal && <span class="badge warn">{d.dibatalkan}</span>}
            </h3>
            <EventFacts event={event} fullNumbers={props.fullNumbers} />
            <p class="muted">{d.dicatatOleh(event.dicatat_oleh ?? '?', formatDateTime(event.dicatat_pada, lang))}</p>
            {reversal && (
              <p>
                {d.dibatalkanOleh(reversal.dicatat_oleh ?? '?', formatDateTime(reversal.dicatat_pada, lang))}{' '}
                <q>{reversal.alasan}</q>
              </p>
            )}
            {reversible && props.canReverse && (
              <ReverseForm event={event} state={props.batal?.eventId === event.id ? props.batal.state : emptyForm()} />
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
