// A provisional ranking is recomputed from every record of a movement — seconds for a province. Until something it
// reads changes, the same answer is served again. What it reads is summed up in one query (row counts, version
// sums and newest ids of each table it depends on, which every insert, update or delete moves), so the cache stays
// correct with any number of app servers and any clock; the Vietnam date is part of the key, because reports become
// late or missing as days pass.
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { vietnamDate } from "../../domain/calendar.js";

/** The state of everything a plan's ranking reads, as one string. */
export async function rankingFingerprint(db: Executor, planId: number): Promise<string> {
  const res = (await db.execute(sql`
    select concat_ws('|',
      (select concat_ws(':', version, finalised_at, md5(data::text)) from plans where id = ${planId}),
      (select concat_ws(':', count(*), max(finalised_at)) from plans where finalised_at is not null),
      (select concat_ws(':', count(*), max(id)) from results),
      (select concat_ws(':', count(*), sum(version), max(id)) from units),
      (select concat_ws(':', count(*), sum(pe.version), max(pe.id)) from people pe join participants pa on pa.person_id = pe.id where pa.plan_id = ${planId}),
      (select concat_ws(':', count(*), sum(version), max(id)) from participants where plan_id = ${planId}),
      (select concat_ws(':', count(*), sum(a.version), max(a.id)) from assessments a join participants pa on pa.id = a.participant_id where pa.plan_id = ${planId}),
      (select concat_ws(':', count(*), sum(a.version), max(a.id)) from appraisals a join participants pa on pa.id = a.participant_id where pa.plan_id = ${planId}),
      (select concat_ws(':', count(*), max(r.id)) from report_submissions r join participants pa on pa.id = r.participant_id where pa.plan_id = ${planId}),
      (select concat_ws(':', count(*), sum(version), max(id)) from initiatives where plan_id = ${planId}),
      (select concat_ws(':', count(*), sum(version), max(id)) from complaints where plan_id = ${planId}),
      (select concat_ws(':', count(*), max(id)) from indicator_values)
    ) as fp`)) as unknown as { rows: { fp: string }[] };
  return res.rows[0].fp;
}

interface Entry<T> {
  fingerprint: string;
  value: T;
}

/** A small least-recently-used memo of computed rankings, valid while their fingerprint holds. */
export class RankingCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  constructor(private readonly capacity = 16) {}

  async get(db: Executor, planId: number, key: string, now: Date, compute: () => Promise<T>): Promise<T> {
    const fingerprint = `${vietnamDate(now)}|${await rankingFingerprint(db, planId)}`;
    const full = `${planId}|${key}`;
    const hit = this.entries.get(full);
    if (hit && hit.fingerprint === fingerprint) {
      this.entries.delete(full);
      this.entries.set(full, hit);
      return hit.value;
    }
    const value = await compute();
    this.entries.delete(full);
    this.entries.set(full, { fingerprint, value });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  clear() {
    this.entries.clear();
  }
}
