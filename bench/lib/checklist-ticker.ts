import { now, startViewers, type ViewerPool } from "./viewers";

interface ChecklistResponse {
  eventSeq: number;
  sections: { items: { id: string; version: number; status: string }[] }[];
}

export interface ChecklistTicker {
  viewers: ViewerPool;
  // Toggles the next item through the API and resolves when every viewer has
  // its event: the PATCH time (to the end of the body) and tick → last viewer.
  tick(): Promise<{ patch: number; fanout: number }>;
  // Reads the room's seq again after events the ticker did not make.
  resync(): Promise<void>;
  close(): Promise<void>;
}

// `viewers` socket.io viewers subscribed to the release, and the ticks that
// checklist-fanout and metrics-ingest both time.
export async function startChecklistTicker(opts: { baseUrl: string; token: string; releaseId: string; viewers: number }): Promise<ChecklistTicker> {
  const { baseUrl, token, releaseId } = opts;
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const readChecklist = async () =>
    (await (await fetch(`${baseUrl}/api/v1/releases/${releaseId}/checklist`, { headers })).json()) as ChecklistResponse;
  const checklist = await readChecklist();
  const items = checklist.sections.flatMap((section) => section.items);
  let seq = checklist.eventSeq;
  const viewers = await startViewers({ url: baseUrl, count: opts.viewers, auth: { token }, subscribe: releaseId, event: "release:event", keyPath: ["seq"] });
  let ticks = 0;
  return {
    viewers,
    async tick() {
      const item = items[ticks++ % items.length]!;
      const status = item.status === "done" ? "in_progress" : "done";
      const started = now();
      const response = await fetch(`${baseUrl}/api/v1/releases/${releaseId}/checklist/items/${item.id}`, {
        method: "PATCH",
        headers,
        body: JSON.stringify({ version: item.version, status }),
      });
      if (response.status !== 200) throw new Error(`PATCH answered ${response.status}: ${await response.text()}`);
      // The answer is the whole body, not its headers: Next.js writes those
      // first, and the body used to wait behind the fan-out.
      await response.arrayBuffer();
      const answered = now();
      item.version += 1;
      item.status = status;
      seq += 1;
      const lastViewer = await viewers.waitForAll(String(seq));
      if (lastViewer < started) throw new Error(`event ${seq} arrived before its tick: the seq bookkeeping is off`);
      return { patch: answered - started, fanout: lastViewer - started };
    },
    async resync() {
      seq = (await readChecklist()).eventSeq;
    },
    close: () => viewers.close(),
  };
}
