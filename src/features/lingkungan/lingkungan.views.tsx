import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { Breadcrumbs, ErrorSummary, PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import { type PageCtx, usePage } from '#src/lib/views/page-context.js';
import { capitalise } from '#src/lib/views/region-title.js';
import type { LingkunganRow } from './lingkungan.repository.js';
import type { LingkunganNode } from './lingkungan.service.js';

/** Which of the many small forms failed, so that its input and message show beside it. */
export interface FailedForm {
  key: string;
  state: FormState;
}

export const formKey = (intent: string, ref: number | string | undefined) => `${intent}-${ref ?? ''}`;

function InlineForm(props: {
  desaKode: string;
  intent: string;
  refName?: 'id' | 'induk_id';
  refId?: number;
  label: string;
  button: string;
  failed: FailedForm | null;
  numeric?: boolean;
  value?: string;
}) {
  const key = formKey(props.intent, props.refId);
  const state = props.failed?.key === key ? props.failed.state : emptyForm();
  const inputId = `${key}-nama`;
  const error = state.errors.nama ?? state.message;
  return (
    <PostForm action={`/desa/${props.desaKode}/lingkungan`} class={error ? 'row has-error' : 'row'}>
      <input type="hidden" name="intent" value={props.intent} />
      {props.refName && <input type="hidden" name={props.refName} value={String(props.refId)} />}
      <label for={inputId}>{props.label}</label>
      <input
        id={inputId}
        name="nama"
        required
        maxLength={props.numeric ? 3 : 60}
        inputMode={props.numeric ? 'numeric' : undefined}
        pattern={props.numeric ? '[0-9]{1,3}' : undefined}
        size={props.numeric ? 4 : 20}
        value={state.values.nama ?? props.value ?? ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
      />
      <button type="submit" class="small">
        {props.button}
      </button>
      {error && (
        <span class="error" id={`${inputId}-error`}>
          {error}
        </span>
      )}
    </PostForm>
  );
}

function DeleteButton({ desaKode, node, label }: { desaKode: string; node: LingkunganRow; label: string }) {
  const { m } = usePage();
  return (
    <PostForm action={`/desa/${desaKode}/lingkungan`} class="inline">
      <input type="hidden" name="intent" value="hapus" />
      <input type="hidden" name="id" value={String(node.id)} />
      <button type="submit" class="small danger" aria-label={`${m.common.hapus} ${label}`}>
        {m.common.hapus}
      </button>
    </PostForm>
  );
}

function unitLabel(m: PageCtx['m'], node: LingkunganRow, sebutanDusun: string) {
  return node.tingkat === 'dusun' ? `${sebutanDusun} ${node.nama}` : `${m.tingkat[node.tingkat]} ${node.nama}`;
}

/** The rename/delete controls of one unit, folded away (a <details>, no JavaScript) unless its form just failed. */
function ManageUnit({
  node,
  desaKode,
  label,
  failed,
}: {
  node: LingkunganNode;
  desaKode: string;
  label: string;
  failed: FailedForm | null;
}) {
  const { m } = usePage();
  const intent = node.tingkat === 'dusun' ? 'ubah-dusun' : 'ubah-nomor';
  const open = failed?.key === formKey(intent, node.id) || failed?.key === formKey('hapus', node.id);
  return (
    <details class="manage" open={open}>
      <summary aria-label={`${m.common.ubah} ${label}`}>{m.common.ubah}</summary>
      <InlineForm
        desaKode={desaKode}
        intent={intent}
        refName="id"
        refId={node.id}
        label={`${m.lingkungan.ubahNama} ${label}`}
        button={m.common.simpan}
        failed={failed}
        numeric={node.tingkat !== 'dusun'}
        value={node.nama}
      />
      {node.anak.length === 0 && <DeleteButton desaKode={desaKode} node={node} label={label} />}
    </details>
  );
}

interface UnitProps {
  node: LingkunganNode;
  desaKode: string;
  edit: boolean;
  failed: FailedForm | null;
  sebutanDusun: string;
}

function Unit({ node, desaKode, edit, failed, sebutanDusun }: UnitProps) {
  const { m } = usePage();
  const label = unitLabel(m, node, sebutanDusun);
  const childTingkat = node.anak[0]?.tingkat;
  const canAddRw = edit && node.tingkat === 'dusun' && childTingkat !== 'rt';
  const canAddRt = edit && (node.tingkat === 'rw' || (node.tingkat === 'dusun' && childTingkat !== 'rw'));
  return (
    <li id={`u${node.id}`} class={`unit unit-${node.tingkat}`}>
      <div class="unit-head">
        <strong>{label}</strong>
        {edit && <ManageUnit node={node} desaKode={desaKode} label={label} failed={failed} />}
      </div>
      {node.anak.length > 0 && (
        <ul class={node.anak[0]?.tingkat === 'rt' ? 'units rts' : 'units'}>
          {node.anak.map((child) => (
            <Unit
              key={child.id}
              node={child}
              desaKode={desaKode}
              edit={edit}
              failed={failed}
              sebutanDusun={sebutanDusun}
            />
          ))}
        </ul>
      )}
      {canAddRw && (
        <InlineForm
          desaKode={desaKode}
          intent="tambah-rw"
          refName="induk_id"
          refId={node.id}
          label={`${m.lingkungan.tambahRw} — ${label}`}
          button={m.common.tambah}
          failed={failed}
          numeric
        />
      )}
      {canAddRt && (
        <InlineForm
          desaKode={desaKode}
          intent="tambah-rt"
          refName="induk_id"
          refId={node.id}
          label={`${m.lingkungan.tambahRt} — ${label}`}
          button={m.common.tambah}
          failed={failed}
          numeric
        />
      )}
    </li>
  );
}

interface EditorProps {
  ctx: PageCtx;
  desa: { kode: string; nama: string; sebutan: string; sebutan_dusun: string };
  tree: LingkunganNode[];
  edit: boolean;
  failed?: FailedForm | null;
}

export function LingkunganEditorPage({ ctx, desa, tree, edit, failed = null }: EditorProps) {
  const { m } = ctx;
  const sebutanDusun = capitalise(desa.sebutan_dusun);
  return (
    <Layout
      ctx={ctx}
      title={m.lingkungan.title}
      above={
        <Breadcrumbs items={[{ href: `/desa/${desa.kode}`, label: `${capitalise(desa.sebutan)} ${desa.nama}` }]} />
      }
    >
      <p>{m.lingkungan.intro}</p>
      {failed && (
        <ErrorSummary
          state={{
            values: {},
            errors: {},
            message: failed.state.message ?? Object.values(failed.state.errors)[0] ?? m.err.invalid,
          }}
        />
      )}
      {tree.length === 0 && <p class="muted">{m.lingkungan.kosong}</p>}
      <ul class="units top">
        {tree.map((dusun) => (
          <Unit
            key={dusun.id}
            node={dusun}
            desaKode={desa.kode}
            edit={edit}
            failed={failed}
            sebutanDusun={sebutanDusun}
          />
        ))}
      </ul>
      {edit && (
        <section class="card">
          <h2>{m.lingkungan.tambahDusun}</h2>
          <InlineForm
            desaKode={desa.kode}
            intent="tambah-dusun"
            label={m.lingkungan.namaDusun}
            button={m.common.tambah}
            failed={failed}
          />
        </section>
      )}
    </Layout>
  );
}

export function LingkunganUnitPage({ ctx, path, node }: { ctx: PageCtx; path: LingkunganRow[]; node: LingkunganNode }) {
  const { m } = ctx;
  const label = (n: LingkunganRow) => `${m.tingkat[n.tingkat]} ${n.nama}`;
  return (
    <Layout ctx={ctx} title={label(node)}>
      <p>
        {m.lingkungan.bagian}: {path.slice(0, -1).map(label).join(' › ') || '—'} (<code>{node.desa_kode}</code>)
      </p>
      <h2>{m.wilayah.anak}</h2>
      {node.anak.length === 0 ? (
        <p class="muted">{m.common.kosong}</p>
      ) : (
        <ul class="units">
          {node.anak.map((child) => (
            <li key={child.id}>
              {label(child)}
              {child.anak.length > 0 && ` — ${child.anak.map(label).join(', ')}`}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
