/** Who makes a request: nobody signed in, or a user of one role. */
export const WHO = ["anonymous", "ENTERPRISE", "BANK", "GOV_OFFICE", "GOV_BUREAU"] as const;
export type Who = (typeof WHO)[number];

/**
 * Distinctive strings planted in the fixture's records, each with the requesters allowed to see
 * the record. A response to anyone else must not contain it.
 */
export class Markers {
  private readonly seenBy = new Map<string, ReadonlySet<Who>>();
  private readonly unshown = new Set<string>();

  /**
   * Registers `marker` (returned, to build the record with) as visible to `seeing` only.
   * `shown: false` for a field that no page shows even to those allowed (it is still searched
   * for in what the others get); otherwise the matrix checks that someone allowed receives it.
   */
  add(marker: string, seeing: readonly Who[], { shown = true } = {}): string {
    if (!shown) this.unshown.add(marker);
    for (const known of this.seenBy.keys()) {
      if (known.includes(marker) || marker.includes(known))
        throw new Error(`marker ${marker} overlaps ${known}: markers must not contain each other`);
    }
    this.seenBy.set(marker, new Set(seeing));
    return marker;
  }

  /** Every marker with who may see it. */
  all(): [string, ReadonlySet<Who>][] {
    return [...this.seenBy];
  }

  /** The markers some page shows to those allowed, with who they are. */
  shown(): [string, ReadonlySet<Who>][] {
    return [...this.seenBy].filter(([marker, seeing]) => seeing.size > 0 && !this.unshown.has(marker));
  }

  /** The markers `who` must never receive. */
  forbiddenFor(who: Who): string[] {
    return [...this.seenBy].filter(([, seeing]) => !seeing.has(who)).map(([marker]) => marker);
  }
}

/** The forbidden markers found in a response body. */
export function leakedMarkers(body: string, forbidden: readonly string[]): string[] {
  return forbidden.filter((marker) => body.includes(marker));
}
