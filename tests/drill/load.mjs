// The write load: N staff users, each signed in with a browser of its own, creating students and editing
// the ones it created through the real forms, one write at a time, as fast as the app answers. A write is
// acknowledged when the app redirects to the student's page after the post; each acknowledgement is kept with
// what it wrote (the student's id and e-mail, and the edit's revision in its course), which instance served it
// and how long the post took, so the promoted database can be checked for every one of them.
import { Browser } from './browser.mjs';
import { sleep } from './processes.mjs';

const VERSION = /id="Input_Version" name="Input.Version" value="([^"]+)"/;
export const revisionOf = (course) => Number(course.match(/^Drill revision (\d+)$/)?.[1] ?? -1);

class Writer {
  constructor({ index, browser, acknowledged, counts, run, waiters }) {
    Object.assign(this, { index, browser, acknowledged, counts, run, waiters });
    this.students = []; // { id, email, revision } whose creation was acknowledged
    this.created = 0;
  }

  fields(student, revision) {
    const letters = 'abcdefghij';
    return {
      'Input.FullName': `Drill ${[...String(this.index)].map((d) => letters[d]).join('')} Writer`,
      'Input.Email': student.email,
      'Input.Age': String(18 + (this.index % 60)),
      'Input.Course': `Drill revision ${revision}`,
      'Input.EnrolmentDate': '2026-09-01',
      'Input.Version': student.version ?? '00000000-0000-0000-0000-000000000000',
    };
  }

  acknowledge(kind, student, answer) {
    this.acknowledged.push({
      writer: this.index, kind, id: student.id, email: student.email, revision: student.revision,
      ackedAt: Date.now(), postMs: answer.postMs, origin: answer.origin,
    });
    for (const resolve of this.waiters.splice(0)) resolve(); // in this same tick: the drill kills right after an acknowledgement
  }

  async create() {
    this.created += 1;
    const student = { email: `run${this.run}-w${this.index}-s${this.created}@drill.example.org`, revision: 0 };
    const answer = await this.browser.submit('/Students/Create', this.fields(student, 0));
    const id = answer.status === 302 && answer.location?.match(/\/Students\/Details\/(\d+)$/)?.[1];
    if (!id) return answer;
    student.id = Number(id);
    this.students.push(student);
    this.acknowledge('create', student, answer);
    return answer;
  }

  async edit(student) {
    const form = await this.browser.request(`/Students/Edit/${student.id}`);
    const version = form.text.match(VERSION)?.[1];
    if (form.status !== 200 || !version) return form;
    // The revision only rises, even past a post whose answer was lost (it may have been written).
    const revision = (student.attempted ?? student.revision) + 1;
    student.attempted = revision;
    const answer = await this.browser.submit(`/Students/Edit/${student.id}`, this.fields({ ...student, version }, revision));
    if (answer.status === 302 && answer.location?.endsWith(`/Students/Details/${student.id}`)) {
      student.revision = revision;
      this.acknowledge('edit', student, answer);
    }
    return answer;
  }

  async loop(stopped, maxWrites) {
    while (!stopped()) {
      if (maxWrites && this.acknowledged.length >= maxWrites) { await sleep(50); continue; }
      this.counts.attempts += 1;
      try {
        const create = this.students.length < 3 || Math.random() < 0.4;
        const answer = create ? await this.create() : await this.edit(this.students[Math.floor(Math.random() * this.students.length)]);
        if (answer.status !== 302) {
          this.counts.failures[answer.status] = (this.counts.failures[answer.status] ?? 0) + 1;
          await sleep(100);
        }
      } catch (e) {
        const reason = e.name === 'TimeoutError' ? 'timeout' : 'network';
        this.counts.failures[reason] = (this.counts.failures[reason] ?? 0) + 1;
        await sleep(100);
      }
    }
  }
}

/**
 * Signs `users` in through `frontDoor` and starts them writing. `maxWrites` caps the acknowledged writes (the
 * writers then idle). Returns { acknowledged, counts, nextAcknowledgement(), stop() }.
 */
export async function startLoad({ frontDoorUrl, users, password, maxWrites = 0, run = Date.now().toString(36) }) {
  const acknowledged = [];
  const waiters = [];
  const counts = { attempts: 0, failures: {} };
  const writers = await Promise.all(users.map(async (email, index) => {
    const browser = new Browser(frontDoorUrl);
    await browser.signIn(email, password);
    return new Writer({ index: index + 1, browser, acknowledged, counts, run, waiters });
  }));
  let stop = false;
  const loops = writers.map((w) => w.loop(() => stop, maxWrites));
  return {
    acknowledged, counts, writers,
    /** Resolves at the next acknowledged write. */
    nextAcknowledgement: () => new Promise((resolve) => waiters.push(resolve)),
    async stop() { stop = true; await Promise.all(loops); },
  };
}

/** Every acknowledged write that `rows` (id, email, course of the students table) does not hold. */
export function missingWrites(acknowledged, rows) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return acknowledged.filter((w) => {
    const row = byId.get(w.id);
    return !row || row.email !== w.email || revisionOf(row.course) < w.revision;
  });
}

export function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
