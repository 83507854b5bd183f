/** One entry of an image config's `history`, as the OCI image spec names its fields. */
export interface HistoryEntry {
  created_by?: string;
  empty_layer?: boolean;
}

/**
 * The instruction that made each layer, in layer order: history lists every Containerfile step,
 * and the steps that made no layer (LABEL, ENV, …) say so with empty_layer. When the entries that
 * made layers do not add up to the layer count (a history rewritten by a tool), nothing is guessed.
 */
export function instructionsPerLayer(
  history: HistoryEntry[] | undefined,
  layerCount: number,
): (string | null)[] {
  const made = (history ?? []).filter((entry) => entry.empty_layer !== true);
  if (made.length !== layerCount) return Array.from({ length: layerCount }, () => null);
  return made.map((entry) => cleanInstruction(entry.created_by));
}

/** buildah and docker write `/bin/sh -c #(nop) COPY …` for steps that ran no shell: say `COPY …`. */
function cleanInstruction(createdBy: string | undefined): string | null {
  if (!createdBy) return null;
  const text = createdBy.trim();
  const nop = /^\/bin\/sh -c #\(nop\)\s*/.exec(text);
  if (nop) return text.slice(nop[0].length).trim();
  const shell = /^\/bin\/sh -c\s+/.exec(text);
  if (shell) return `RUN ${text.slice(shell[0].length).trim()}`;
  return text;
}
