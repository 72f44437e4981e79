// A provisional ranking is recomputed from every record of a movement — seconds for a province. Until something it
// reads changes, the same answer is served again. What it reads is summed up in one query (row counts, version
// sums and newest ids of each table it depends on, which every insert, update or delete moves), so the cache stays
// correct with any number of app servers and any clock; the Vietnam date is part of the key, because reports become
// late or missing as days pass.
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { participants, people } from "../../db/schema.js";
import { vietnamDate } from "../../domain/calendar.js";
import { RECORD_SOURCES, type RecordSource } from "./records.js";

/** Row count, version sum and newest id of one source's rows in a plan. */
function sourceState(source: RecordSource, planId: number): SQL {
  const state = source.version ? sql`concat_ws(':', count(*), sum(${source.version}), max(${source.id}))` : sql`concat_ws(':', count(*), max(${source.id}))`;
  switch (source.via) {
    case "all":
      return sql`(select ${state} from ${source.table})`;
    case "plan":
      return sql`(select ${state} from ${source.table} where ${source.planId} = ${planId})`;
    case "participant":
      return sql`(select ${state} from ${source.table} join ${participants} on ${participants.id} = ${source.participantId} where ${participants.planId} = ${planId})`;
    case "person":
      return sql`(select ${state} from ${people} join ${participants} on ${participants.personId} = ${people.id} where ${participants.planId} = ${planId})`;
  }
}

/**
 * The state of everything a plan's scores read, as one string: the plan itself, last year's published results
 * (matched by the previous plan of the same issuer), and every table of the records loader (`RECORD_SOURCES`).
 */
export async function rankingFingerprint(db: Executor, planId: number): Promise<string> {
  const parts = [
    sql`(select concat_ws(':', version, finalised_at, md5(data::text)) from plans where id = ${planId})`,
    sql`(select concat_ws(':', count(*), max(finalised_at)) from plans where finalised_at is not null)`,
    sql`(select concat_ws(':', count(*), max(id)) from results)`,
    ...RECORD_SOURCES.map((s) => sourceState(s, planId)),
  ];
  const res = (await db.execute(sql`select concat_ws('|', ${sql.join(parts, sql`, `)}) as fp`)) as unknown as { rows: { fp: string }[] };
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
