import { Layout } from './layout.js';
import type { PageCtx } from './page-context.js';

export function ErrorPage({
  ctx,
  status,
  message,
  requestId,
}: {
  ctx: PageCtx;
  status: number;
  message: string;
  requestId: string;
}) {
  const titles = ctx.m.errorPage as Record<string, string>;
  const title = titles[`t${status}`] ?? titles.t500 ?? '';
  return (
    <Layout ctx={ctx} title={title}>
      <p>{message}</p>
      {status >= 500 && (
        <p class="muted">
          {ctx.m.errorPage.kode}: <code>{requestId}</code>
        </p>
      )}
      <p>
        <a href="/">{ctx.m.errorPage.keBeranda}</a>
      </p>
    </Layout>
  );
}
