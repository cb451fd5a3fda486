import * as vscode from 'vscode';
import * as path from 'node:path';
import { readSpec, specFileName } from '../../domain/exercises/spec/load';
import type { Spec } from '../../domain/exercises/spec/schema';
import type { Milestone } from '../../domain/exercises/milestones';
import { milestoneRows } from '../../domain/roadmap/treeModel';
import { isComplete } from '../../domain/roadmap/completion';
import {
  exercisePassed,
  hintKey,
  isVerified,
  practiceOf,
  quizOf,
  solutionOffer,
  topicProgress,
  topicStatus,
} from '../../domain/progress/progress';
import * as ops from '../../domain/progress/ops';
import { contextKeys, settings, views } from '../../app/ids';
import { config, onDidChangeSetting } from '../../app/config';
import { flavourInfo, flavours } from '../../domain/exercises/flavours';
import type { Flavour } from '../../domain/exercises/flavours';
import { exercisesPerLanguage, toolchainOf } from '../exercises/language';
import { readNote } from '../notes/notes';
import type { ExerciseChecks } from '../exercises/checks';
import type { Hint } from '../../domain/exercises/runner';
import type { Services } from '../../app/services';
import { WebviewPanelHost } from '../../platform/webview/panelHost';
import type { ReadyMessage } from '../../platform/webview/protocol';
import { localWorkspaceFolder, settingFolder } from '../../app/workspaceFolders';
import { topicProtocol } from './protocol';
import type { TopicHostMessage, TopicPageMessage, TopicState, TopicView } from './protocol';

/** The hints revealed so far (a prefix: they are revealed in order) and how many are left. */
function hintsView(scenario: string, hints: readonly Hint[], used: ReadonlySet<string>): { hints?: string[]; hintsLeft?: number } {
  if (hints.length === 0) return {};
  let shown = 0;
  while (shown < hints.length && used.has(hintKey(scenario, hints[shown]?.id ?? ''))) shown++;
  return { hints: hints.slice(0, shown).map((h) => h.text), hintsLeft: hints.length - shown };
}

/** The topic whose page asks for the learner's exercise language (the seeds' first step). */
export const languageTopicId = 'choosing-a-language';

/** What the topic page's buttons do outside the panel. */
export interface TopicActions {
  scaffold(topicId: string, exerciseId: string): Promise<void>;
  check(exerciseId: string): Promise<void>;
  compareSolution(exerciseId: string): Promise<void>;
  chooseLanguage(language: Flavour): Promise<void>;
  openNotes(topicId: string): Promise<void>;
  takeQuiz(topicId: string): Promise<void>;
  /** Review cards of the topic due now (the review queue's rule). */
  dueCards(topicId: string): number;
}

/** The single, reused topic panel in the editor area. */
export class TopicPanel implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly host: WebviewPanelHost<TopicHostMessage, TopicPageMessage, TopicState>;
  private topicId: string | undefined;
  /** A revived panel whose topic no roadmap has: the page says so. */
  private missingTopicId: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly services: Services,
    private readonly checks: ExerciseChecks,
    private readonly actions: TopicActions,
  ) {
    this.host = new WebviewPanelHost(
      {
        viewType: views.topicPanel,
        title: 'Topic',
        icon: 'milestone',
        page: 'topic',
        protocol: topicProtocol,
        extensionUri: services.extensionUri,
        log: services.log,
        enableFindWidget: true,
        closeUnrevivedTabs: true,
      },
      {
        view: () => this.message(),
        receive: (message) => this.handle(message),
        titleOf: (message) => (message.type === 'showTopic' ? message.topic.title : undefined),
        restore: (state) => this.restore(state),
        closed: () => {
          this.topicId = undefined;
          this.missingTopicId = undefined;
        },
        describe: () => `topic: ${this.topicId ?? 'none'}`,
      },
    );
    const refresh = () => this.host.refresh();
    const subs = [services.store.onDidChange(refresh), checks.onDidChange(refresh), services.onDidChangeRoadmap(refresh)];
    // Notes are edited in the editor or outside it; the page shows whether they exist and their first words.
    const root = localWorkspaceFolder();
    const notes = root
      ? vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, `${settingFolder(settings.notesFolder)}/*.md`))
      : vscode.workspace.createFileSystemWatcher('**/notes/*.md');
    this.disposables.push(
      { dispose: () => subs.forEach((s) => s.dispose()) },
      vscode.workspace.onDidGrantWorkspaceTrust(refresh),
      onDidChangeSetting('exerciseLanguage', refresh),
      notes,
      notes.onDidCreate(refresh),
      notes.onDidChange(refresh),
      notes.onDidDelete(refresh),
    );
  }

  show(topicId: string): void {
    if (!this.find(topicId)) {
      void vscode.window.showErrorMessage(`Backend Roadmap: there is no topic with id "${topicId}" in ${this.services.roadmap.title}.`);
      return;
    }
    this.host.show();
    this.setTopic(topicId);
  }

  deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    return this.host.deserializeWebviewPanel(panel, state);
  }

  private restore(state: TopicState | undefined): void {
    // In a browser host the webview state is flushed on unload and can be lost; the current
    // topic in workspace state is the fallback.
    const topicId = state?.topicId ?? this.services.store.data.currentTopic;
    this.services.log.info(`Restoring the topic panel (webview state: ${state?.topicId ?? 'none'}, showing: ${topicId ?? 'none'})`);
    if (topicId && this.find(topicId)) {
      this.setTopic(topicId);
    } else {
      this.missingTopicId = topicId ?? 'unknown';
      this.host.refresh();
    }
  }

  get currentTopicId(): string | undefined {
    return this.topicId;
  }

  /** Topics are looked up in every roadmap: a track or path may link to topics outside itself. */
  private find(topicId: string) {
    return this.services.topic(topicId);
  }

  private setTopic(topicId: string): void {
    this.topicId = topicId;
    this.missingTopicId = undefined;
    void vscode.commands.executeCommand('setContext', contextKeys.openedTopic, true);
    void this.services.store
      .update(ops.setCurrentTopic(topicId))
      .catch((e: unknown) => this.services.log.error('Saving the current topic failed', e));
    this.host.refresh();
  }

  private async message(): Promise<TopicHostMessage | undefined> {
    if (this.missingTopicId) return { type: 'missingTopic', topicId: this.missingTopicId };
    if (!this.topicId) return undefined;
    const topicId = this.topicId;
    // A topic the catalog no longer has (or whose details cannot be read) is said, never left showing the last one.
    const topic = await this.topicView(topicId).catch((e: unknown) => {
      this.services.log.error(`Reading the details of topic "${topicId}" failed`, e);
      return undefined;
    });
    return topic ? { type: 'showTopic', topic } : { type: 'missingTopic', topicId };
  }

  private async handle(message: Exclude<TopicPageMessage, ReadyMessage>): Promise<void> {
    const { store } = this.services;
    switch (message.type) {
      case 'toggleItem': {
        const topic = this.find(message.topicId)?.topic;
        if (!topic?.checklist.some((i) => i.id === message.itemId)) {
          this.services.log.warn(`Ignored toggle of unknown item ${message.topicId}/${message.itemId}`);
          return;
        }
        await store.update(ops.setItem(message.topicId, message.itemId, message.checked));
        // The walkthrough's "tick an item" step completes on this.
        if (message.checked) void vscode.commands.executeCommand('setContext', contextKeys.tickedItem, true);
        if (message.checked && isComplete(topic, store.data) && store.status(topic.id) !== 'done')
          void this.offerDone(topic.id, topic.title);
        return;
      }
      case 'setStatus':
        if (!this.find(message.topicId)) return this.services.log.warn(`Ignored status of unknown topic ${message.topicId}`);
        await store.update(ops.setStatus(message.topicId, message.status));
        return;
      case 'openResource': {
        const resource = (await this.services.catalog.fullTopic(message.topicId, this.services.roadmap))?.topic.resources[message.index];
        if (!resource) return this.services.log.warn(`Ignored unknown resource ${message.topicId}#${message.index}`);
        await vscode.env.openExternal(vscode.Uri.parse(resource.url, true));
        return;
      }
      case 'openTopic':
        this.show(message.topicId);
        return;
      case 'scaffold':
        await this.actions.scaffold(message.topicId, message.exerciseId);
        return;
      case 'openNotes': {
        const topic = this.find(message.topicId)?.topic;
        if (!topic) return this.services.log.warn(`Ignored notes of unknown topic ${message.topicId}`);
        await this.actions.openNotes(topic.id);
        return;
      }
      case 'takeQuiz': {
        const topic = this.find(message.topicId)?.topic;
        if (!topic) return this.services.log.warn(`Ignored the quiz of unknown topic ${message.topicId}`);
        await this.actions.takeQuiz(topic.id);
        return;
      }
      case 'check':
        if (!this.services.catalog.exercise(message.exerciseId))
          return this.services.log.warn(`Ignored check of unknown exercise ${message.exerciseId}`);
        await this.actions.check(message.exerciseId);
        return;
      case 'revealHint': {
        // Only a hint the last check offered for a scenario it failed can be revealed.
        const failed = this.checks
          .state(message.exerciseId)
          .last?.results.find((r) => r.status === 'failed' && r.name === message.scenario);
        const used = new Set(practiceOf(store.data, message.exerciseId).hintsUsed ?? []);
        const next = failed?.hints?.find((h) => !used.has(hintKey(failed.name, h.id)));
        if (!failed || !next) return this.services.log.warn(`Ignored hint for ${message.exerciseId}: no hint left for that failure`);
        await store.update(ops.recordHintUsed(message.exerciseId, hintKey(failed.name, next.id)));
        return;
      }
      case 'compareSolution':
        if (!this.services.catalog.exercise(message.exerciseId))
          return this.services.log.warn(`Ignored comparison of unknown exercise ${message.exerciseId}`);
        await this.actions.compareSolution(message.exerciseId);
        return;
      case 'setExerciseLanguage':
        await this.actions.chooseLanguage(message.language);
        return;
      case 'openSpec': {
        // By exercise id, so the page can only open a spec the extension ships.
        const exercise = this.services.catalog.exercise(message.exerciseId);
        if (!exercise || !(await this.specOf(exercise.id, exercise.dir)))
          return this.services.log.warn(`Ignored spec of ${message.exerciseId}`);
        await vscode.window.showTextDocument(vscode.Uri.file(path.join(exercise.dir, specFileName)), { preview: true });
        return;
      }
    }
  }

  /** Specs ship with the extension and do not change while it runs: read each once. */
  private readonly specs = new Map<string, Promise<Spec | undefined>>();
  private specOf(exerciseId: string, dir: string): Promise<Spec | undefined> {
    let spec = this.specs.get(exerciseId);
    if (!spec) {
      spec = readSpec(dir).catch((e: unknown) => {
        this.services.log.error(`Reading the spec of ${exerciseId} failed`, e);
        return undefined;
      });
      this.specs.set(exerciseId, spec);
    }
    return spec;
  }

  /** Everything ticked: offer (not force) the done status, since ticking is not the same as knowing. */
  private async offerDone(topicId: string, title: string): Promise<void> {
    const choice = await vscode.window.showInformationMessage(`Everything in "${title}" is ticked. Mark the topic done?`, 'Mark Done');
    if (choice === 'Mark Done') await this.services.store.update(ops.setStatus(topicId, 'done'));
  }

  private async topicView(topicId: string): Promise<TopicView | undefined> {
    const { store, catalog } = this.services;
    // Details (why, checklist text, resources) are read when a page first needs them.
    const found = await catalog.fullTopic(topicId, this.services.roadmap);
    if (!found) return undefined;
    const { topic, phase } = found;
    const data = store.data;
    const checked = new Set(topicProgress(data, topic.id)?.checked ?? []);
    return {
      id: topic.id,
      title: topic.title,
      phaseTitle: phase.title,
      summary: topic.summary,
      why: topic.why,
      estimatedHours: topic.estimatedHours,
      status: topicStatus(data, topic.id),
      prerequisites: topic.prerequisites.map((id) => ({
        id,
        title: this.find(id)?.topic.title ?? id,
        status: topicStatus(data, id),
      })),
      checklist: topic.checklist.map((item) => ({ id: item.id, text: item.text, checked: checked.has(item.id) })),
      resources: topic.resources.map((r) => ({ title: r.title, type: r.type, url: r.url })),
      quiz: this.quizView(topic),
      notes: await readNote(topic.id),
      ...(topic.id === languageTopicId ? { language: this.languageView() } : {}),
      exercises: await Promise.all(
        topic.exercises.flatMap((id) => {
          const ex = catalog.exercise(id);
          return ex ? [this.exerciseView(ex.id, ex.title, ex.description, exercisePassed(data, id), ex.dir, ex.milestones)] : [];
        }),
      ),
      ...this.practisedIn(topic.id),
    };
  }

  /** The milestones of projects (on other topics' pages) that practise this topic. */
  private practisedIn(topicId: string): Pick<TopicView, 'practisedIn'> {
    const titleOf = (id: string) => this.services.titleOf(id);
    const out = this.services.catalog.exercises.flatMap((ex) => {
      if (!ex.milestones || ex.topic === topicId) return [];
      const rows = milestoneRows(ex.id, ex.milestones, this.services.store.data, titleOf);
      return ex.milestones.flatMap((m, i) => {
        const row = rows[i];
        return m.topics.includes(topicId) && row
          ? [
              {
                topicId: ex.topic,
                project: ex.title,
                milestone: i + 1,
                total: ex.milestones?.length ?? 0,
                title: m.title,
                status: row.status,
              },
            ]
          : [];
      });
    });
    return out.length > 0 ? { practisedIn: out } : {};
  }

  private quizView(topic: { id: string; exercises: string[]; questions: unknown[] }): TopicView['quiz'] {
    const data = this.services.store.data;
    const result = quizOf(data, topic.id);
    return {
      questions: topic.questions.length,
      ...(result ? { best: result.best } : {}),
      passed: result?.passedAt !== undefined,
      verified: isVerified(topic, data),
      due: this.actions.dueCards(topic.id),
    };
  }

  private languageView(): NonNullable<TopicView['language']> {
    const counts = exercisesPerLanguage(this.services);
    return {
      current: config.exerciseLanguage(),
      options: flavours.map((f) => ({ id: f, label: flavourInfo[f].label, exercises: counts[f], needs: toolchainOf[f] })),
      total: this.services.catalog.exercises.length,
    };
  }

  private async exerciseView(
    id: string,
    title: string,
    description: string,
    passed: boolean,
    dir: string,
    milestones?: readonly Milestone[],
  ): Promise<TopicView['exercises'][number]> {
    const state = this.checks.state(id);
    const last = state.last;
    const spec = await this.specOf(id, dir);
    const practice = practiceOf(this.services.store.data, id);
    const used = new Set(practice.hintsUsed ?? []);
    const scaffolded = await this.checks.isScaffolded(id);
    const failedChecks = practice.failedChecks ?? 0;
    return {
      ...(spec ? { spec: spec.scenarios.map((s) => s.name) } : {}),
      id,
      title,
      description,
      passed,
      scaffolded,
      canCheck: vscode.workspace.isTrusted,
      failedChecks,
      canCompare: scaffolded && solutionOffer(this.services.store.data, id) !== 'notYet',
      ...(milestones
        ? {
            milestones: milestoneRows(id, milestones, this.services.store.data, (t) => this.services.titleOf(t)).map((row, i) => ({
              title: milestones[i]?.title ?? row.label,
              status: row.status,
              topics: row.topics,
            })),
          }
        : {}),
      check:
        state.running || last
          ? {
              running: state.running,
              outcome: last?.outcome,
              summary: last?.summary,
              results: (last?.results ?? []).map((r) => ({
                name: r.name,
                suite: r.suite,
                status: r.status,
                error: r.error?.slice(0, 2000),
                ...hintsView(r.name, r.hints ?? [], used),
              })),
            }
          : undefined,
    };
  }

  dispose(): void {
    this.host.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
