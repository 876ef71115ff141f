/**
 * Worker thread of `readRowsThreaded`: unzips and parses the workbook (readRows) and posts its rows in
 * batches, at most a few batches ahead of the consumer (acknowledged by a message each), so memory stays flat.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { XlsxRejected } from './xlsx-check.js';
import { type ReadRowsOptions, readRows, type SheetRow } from './xlsx-read.js';

const BATCH = 500;
const AHEAD = 4;

async function run(port: NonNullable<typeof parentPort>) {
  const { path, opts } = workerData as { path: string; opts: ReadRowsOptions };
  let waiting: (() => void) | null = null;
  let outstanding = 0;
  port.on('message', () => {
    outstanding -= 1;
    waiting?.();
    waiting = null;
  });
  const send = async (rows: SheetRow[]) => {
    port.postMessage({ rows });
    outstanding += 1;
    if (outstanding >= AHEAD) await new Promise<void>((resolve) => (waiting = resolve));
  };
  try {
    let batch: SheetRow[] = [];
    for await (const row of readRows(path, opts)) {
      batch.push(row);
      if (batch.length >= BATCH) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await send(batch);
    port.postMessage({ done: true });
  } catch (error) {
    if (error instanceof XlsxRejected) port.postMessage({ rejected: { kode: error.kode, message: error.message } });
    else port.postMessage({ failed: error instanceof Error ? error.message : String(error) });
  }
}

if (parentPort) void run(parentPort);
