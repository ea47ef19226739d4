import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '@reflectory/server';
import type { CommandName, FacilitatorView, PrivateView } from '@reflectory/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogCapture, startApp, type RunningApp } from '../support/app-server.ts';
import { openMigratedPglite } from '../support/databases.ts';
import { TestBrowser, waitFor, type LiveConnection } from '../support/live-client.ts';
import { AttackReport } from './support/attack-report.ts';
import { ok } from './support/board-setup.ts';
import { Closer, boardAs, castSession, spyAs, type Cast, type Member } from './support/cast.ts';
import {
  allCommands,
  facilitatorCommands,
  payloadFor,
  type PayloadTargets,
} from './support/command-payloads.ts';
import { getAll, sessionGetPaths } from './support/http-probe.ts';
import { pause, type RawDocSocket } from './support/raw-doc-socket.ts';
import type { SpySocket } from './support/spy-socket.ts';
import { boardJson, updateText } from './support/yjs-forensics.ts';

const hiddenStep = 'what';

interface Spy {
  label: string;
  member: Member;
  socket: SpySocket;
  doc: RawDocSocket;
}

/**
 * [Invariant 2] A note hidden until reveal reaches no client but its author before the reveal:
 * not in a document, an event, an ack or an HTTP response. Every person in the session, the
 * facilitator included, tries every channel; the facilitator gets counts only.
 */
describe('adversarial: hidden notes stay hidden until the reveal', () => {
  let database: Database;
  let server: RunningApp;
  const report = new AttackReport('hidden notes');
  const closer = new Closer();
  let cast: Cast;
  let fay: LiveConnection;
  let ann: LiveConnection;
  const spies: Spy[] = [];
  const marker = randomBytes(6).toString('hex');
  const texts = {
    annNamed: `HIDDEN-NAMED-${marker}`,
    annAnonymous: `HIDDEN-ANON-${marker}`,
    benOwn: `HIDDEN-BEN-${marker}`,
  };
  const ids = { annNamed: '', annAnonymous: '', benOwn: '' };
  let visibleNoteId = '';
  /** Hidden notes in the step: the three above, plus any an attacker's note:add put there. */
  let hiddenCount = 3;
  const extraHidden: Array<[owner: string, text: string, noteId: string]> = [];

  beforeAll(async () => {
    database = await openMigratedPglite();
    server = await startApp({
      database,
      logLevel: 'info',
      logStream: new LogCapture(),
      // One anonymous writer here: batches of one (AR1) keep this test about its own subject.
      rooms: { releaseMinMs: 100, releaseJitterMs: 200, minBatch: 1 },
    });
    cast = await castSession(server.baseUrl, 'Fay', ['Ann', 'Ben', 'Cora', 'Olive']);
    fay = closer.add(cast.facilitator.browser.connect(cast.sessionId));
    ann = closer.add(cast.get('Ann').browser.connect(cast.sessionId));
    await Promise.all([fay.waitUntilSynced(), ann.waitUntilSynced()]);
    await fay.goTo('agreement');
    for (const label of ['Fay', 'Ben', 'Cora', 'Olive']) {
      const member = cast.get(label);
      const socket = closer.add(await spyAs(server.baseUrl, cast.sessionId, member));
      const doc = closer.add(await boardAs(server.baseUrl, cast.sessionId, member));
      spies.push({ label, member, socket, doc });
    }
    await ann.accept();
    for (const spy of spies.filter((candidate) => candidate.label !== 'Fay')) {
      expect((await spy.socket.send('agreement:accept')).ok).toBe(true);
    }
    ok(
      await fay.command('role:set', { participantId: cast.get('Cora').id, role: 'co-facilitator' }),
    );
    ok(await fay.command('role:set', { participantId: cast.get('Olive').id, role: 'observer' }));
    await fay.goTo('check-in');
    ({ noteId: visibleNoteId } = ok(
      await ann.command('note:add', { areaId: 'check-in', text: 'A visible check-in note' }),
    ));
    await fay.goTo(hiddenStep);

    // Ann writes a named and an anonymous note in silence; Ben writes his own.
    ({ noteId: ids.annNamed } = ok(
      await ann.command('note:add', { areaId: hiddenStep, text: texts.annNamed }),
    ));
    ({ noteId: ids.annAnonymous } = ok(
      await ann.command('note:add', {
        areaId: hiddenStep,
        text: texts.annAnonymous,
        anonymous: true,
        secret: randomBytes(32).toString('base64url'),
      }),
    ));
    const ben = spies.find((spy) => spy.label === 'Ben') as Spy;
    const benPost = (await ben.socket.send('note:add', {
      areaId: hiddenStep,
      text: texts.benOwn,
    })) as {
      ok: boolean;
      data?: { noteId: string };
    };
    ids.benOwn = benPost.data?.noteId ?? '';
    // [AR6] The anonymous note is not counted: a count that moved when Ann pressed Post would
    // say when she did.
    await waitFor(
      () => fay.facilitationView?.hiddenCounts[hiddenStep] === 2,
      5000,
      'two hidden named notes counted',
    );
  });
  afterAll(async () => {
    report.print();
    closer.closeAll();
    await server?.close();
    await database?.close();
  });

  /** What `viewer` must not see anywhere before the reveal: every hidden note but their own named one. */
  function secretsFor(viewer: string): string[] {
    const all: Array<[string, string, string]> = [
      ['Ann', texts.annNamed, ids.annNamed],
      ['nobody', texts.annAnonymous, ids.annAnonymous],
      ['Ben', texts.benOwn, ids.benOwn],
      ...extraHidden,
    ];
    return all.filter(([owner]) => owner !== viewer).flatMap(([, text, id]) => [text, id]);
  }

  function leaksIn(haystack: string, viewer: string): string[] {
    return secretsFor(viewer).filter((secret) => secret !== '' && haystack.includes(secret));
  }

  function targetsFor(member: Member): PayloadTargets {
    return {
      stepId: hiddenStep,
      otherStepIndex: 0,
      noteId: visibleNoteId,
      groupId: randomUUID(),
      actionId: randomUUID(),
      roleTargetId: member.id,
      removeTargetId: cast.get('Ann').id,
    };
  }

  it('every person sends every command they may (and probes with the hidden ids): no ack carries a hidden note', async () => {
    const facilitatorSafe: CommandName[] = facilitatorCommands.filter(
      (name) =>
        ![
          'step:reveal',
          'step:visibility',
          'step:go',
          'session:close',
          'participant:remove',
          'role:set',
        ].includes(name),
    );
    const failures: string[] = [];
    for (const spy of spies) {
      const names = spy.label === 'Fay' || spy.label === 'Cora' ? facilitatorSafe : allCommands;
      for (const name of names) {
        const ack = await spy.socket.send(name, payloadFor(name, targetsFor(spy.member)));
        if (name === 'note:add' && ack.ok) {
          hiddenCount += 1;
          const { noteId } = ack.data as { noteId: string };
          extraHidden.push([
            spy.label,
            String(payloadFor(name, targetsFor(spy.member)).text),
            noteId,
          ]);
        }
        const leaks = leaksIn(JSON.stringify(ack), spy.label);
        if (leaks.length > 0) failures.push(`${spy.label} ${name}`);
      }
      // board:lock above would turn the next people's probes into plain "locked" refusals.
      if (names === facilitatorSafe) await spy.socket.send('board:lock', { locked: false });
      // As if a hidden note's id had leaked: every command that takes a note id, aimed at Ann's.
      for (const name of [
        'note:edit',
        'vote:cast',
        'vote:retract',
        'note:spotlight',
        'note:group',
      ] as const) {
        const ack = await spy.socket.send(name, {
          ...payloadFor(name, targetsFor(spy.member)),
          noteId: ids.annNamed,
        });
        const leaks = leaksIn(JSON.stringify(ack), spy.label);
        report.record(
          spy.label,
          `${name} on Ann's hidden note id`,
          `${ack.ok ? 'ACCEPTED' : `refused ${ack.error?.code}`}; ${leaks.length === 0 ? 'nothing of the note' : 'LEAK'}`,
          !ack.ok && leaks.length === 0,
        );
        if (ack.ok || leaks.length > 0) failures.push(`${spy.label} ${name} on hidden id`);
      }
      report.record(
        spy.label,
        `acks of ${names.length} commands`,
        failures.some((failure) => failure.startsWith(spy.label))
          ? 'LEAK'
          : 'no hidden text or id in any ack',
        !failures.some((failure) => failure.startsWith(spy.label)),
      );
      await pause(100);
    }
    expect(failures).toEqual([]);
  });

  it('the board document, every pushed event and every GET route hold no hidden note for anyone but its author', async () => {
    // A late joiner connects after the posts: the full state a newcomer gets.
    const leeBrowser = new TestBrowser(server.baseUrl);
    const { you } = await leeBrowser.join(cast.joinCode, 'Lee');
    const lee: Member = {
      name: 'Lee',
      id: you.id,
      browser: leeBrowser,
      cookie: leeBrowser.cookie ?? '',
    };
    spies.push({
      label: 'Lee (late joiner)',
      member: lee,
      socket: closer.add(await spyAs(server.baseUrl, cast.sessionId, lee)),
      doc: closer.add(await boardAs(server.baseUrl, cast.sessionId, lee)),
    });
    await pause(200);

    const failures: string[] = [];
    const check = (who: string, attempt: string, haystack: string, detail: string) => {
      const leaks = leaksIn(haystack, who);
      report.record(
        who,
        attempt,
        leaks.length === 0 ? detail : `LEAK: ${leaks.join(', ')}`,
        leaks.length === 0,
      );
      if (leaks.length > 0) failures.push(`${who}: ${attempt}`);
    };
    for (const spy of spies) {
      const updates = spy.doc.updates();
      check(
        spy.label,
        'board doc: Y.decodeUpdate of every update received',
        updates.map(updateText).join('\n') + boardJson(spy.doc.replica),
        `${updates.length} updates, ${spy.doc.received.length} frames: none`,
      );
      check(
        spy.label,
        'Socket.IO: every event received (onAny)',
        JSON.stringify(spy.socket.events),
        `${spy.socket.events.length} events (${[...new Set(spy.socket.events.map((seen) => seen.event))].join(', ')}): none`,
      );
      const answers = await getAll(
        server.baseUrl,
        sessionGetPaths(cast.sessionId, cast.joinCode),
        spy.member.cookie,
      );
      check(
        spy.label,
        `HTTP: ${answers.length} GET routes with the device cookie`,
        JSON.stringify(answers),
        answers.map((answer) => answer.status).join(' '),
      );
    }

    // The facilitator gets counts, never who or what.
    const facilitation = spies
      .filter((spy) => spy.label === 'Fay' || spy.label === 'Cora')
      .map((spy) => spy.socket.eventsNamed('view:facilitation').at(-1)?.args[0] as FacilitatorView);
    for (const view of facilitation) {
      // [AR6] Ann's anonymous note is held, and held notes are never counted.
      const counted = view.hiddenCounts[hiddenStep] === hiddenCount - 1;
      report.record(
        'Fay and Cora',
        'view:facilitation',
        `hiddenCounts.${hiddenStep} = ${view.hiddenCounts[hiddenStep]}`,
        counted,
      );
      expect(counted).toBe(true);
    }

    // Controls: the author sees her own named note, and Ben his; the anonymous one only Ann's browser.
    const annView = ann.privateView as PrivateView;
    const benView = spies
      .find((spy) => spy.label === 'Ben')
      ?.socket.eventsNamed('view:private')
      .at(-1)?.args[0] as PrivateView;
    const authorSees = annView.hiddenNotes.map((note) => note.text);
    report.record(
      'Ann (author)',
      'her own view:private',
      JSON.stringify(authorSees),
      authorSees.join() === texts.annNamed,
    );
    expect(authorSees).toEqual([texts.annNamed]);
    expect(benView.hiddenNotes.map((note) => note.text)).toContain(texts.benOwn);
    expect(failures).toEqual([]);
  });

  it('control: after the reveal the same channels show the notes to everyone', async () => {
    expect(ok(await fay.command('step:reveal', { stepId: hiddenStep }))).toEqual({
      revealed: hiddenCount,
    });
    for (const spy of spies) {
      await waitFor(
        () => Object.values(texts).every((text) => boardJson(spy.doc.replica).includes(text)),
        5000,
        `${spy.label} sees the revealed notes`,
      );
      report.held(
        spy.label,
        'after step:reveal: the board doc',
        'all three notes visible (the spy would have seen them)',
      );
    }
  });
});
