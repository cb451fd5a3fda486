import { Emitter } from '../shared/emitter';
import type { Exercise } from '../exercises/manifest';
import type { Problem } from '../shared/problems';
import { exerciseById, findTopicIn, roadmapChoices, withDetails } from './catalog';
import type { Catalog, RoadmapChoice } from './catalog';
import type { TopicHit } from './lookup';
import { detailsOf } from './outline';
import type { PhaseOutline, Roadmap, RoadmapOutline, Topic, TopicDetails, TopicOutline } from './schema';

export type DetailsReader = (topicId: string) => Promise<TopicDetails | undefined>;

/**
 * Owns the catalog and says when it changes, so views follow a replaced catalog (workspace
 * roadmaps, a rebuilt bundle) instead of reading a frozen object. Topics are outlines; their
 * details come from `readDetails` when a page needs them.
 */
export class CatalogService {
  private current: Catalog;
  private choiceList: RoadmapChoice[];
  private readonly changed = new Emitter<Catalog>();
  readonly onDidChange = this.changed.event;

  constructor(
    catalog: Catalog,
    private readDetails: DetailsReader,
  ) {
    this.current = catalog;
    this.choiceList = roadmapChoices(catalog);
  }

  /** The catalog as it is now (a later replace does not change it). */
  get snapshot(): Catalog {
    return this.current;
  }

  get roadmaps(): readonly RoadmapOutline[] {
    return this.current.roadmaps.map((r) => r.roadmap);
  }

  /** Every roadmap and career path the learner can pick, in catalog order. */
  get choices(): readonly RoadmapChoice[] {
    return this.choiceList;
  }

  get exercises(): readonly Exercise[] {
    return this.current.exercises;
  }

  /** Problems of files left out of the catalog. */
  get problems(): readonly Problem[] {
    return this.current.problems;
  }

  replace(catalog: Catalog, readDetails: DetailsReader = this.readDetails): void {
    this.current = catalog;
    this.readDetails = readDetails;
    this.choiceList = roadmapChoices(catalog);
    this.changed.fire(catalog);
  }

  /** A topic's outline, in `preferred` first (the roadmap the learner is on), else in any roadmap. */
  topic(topicId: string, preferred?: RoadmapOutline): TopicHit<PhaseOutline> | undefined {
    return findTopicIn(this.current, topicId, preferred);
  }

  exercise(exerciseId: string): Exercise | undefined {
    return exerciseById(this.current, exerciseId);
  }

  /** The whole topic, reading its details on first use; undefined for an unknown id. */
  async fullTopic(topicId: string, preferred?: RoadmapOutline): Promise<{ topic: Topic; phase: PhaseOutline } | undefined> {
    const hit = this.topic(topicId, preferred);
    if (!hit) return undefined;
    const details = await this.details(hit.topic);
    return details ? { topic: withDetails(hit.topic, details), phase: hit.phase } : undefined;
  }

  /** A roadmap with every topic whole, for exports that print checklist text. */
  async fullRoadmap(roadmap: RoadmapOutline): Promise<Roadmap> {
    const phases = await Promise.all(
      roadmap.phases.map(async (phase) => ({
        ...phase,
        topics: await Promise.all(
          phase.topics.map(async (topic) => {
            const details = await this.details(topic);
            if (!details) throw new Error(`the details of topic "${topic.id}" are missing; rebuild the extension`);
            return withDetails(topic, details);
          }),
        ),
      })),
    );
    return { ...roadmap, phases };
  }

  private async details(topic: TopicOutline): Promise<TopicDetails | undefined> {
    // A catalog loaded from YAML already holds whole topics.
    if (isWhole(topic)) return detailsOf(topic);
    return this.readDetails(topic.id);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function isWhole(topic: TopicOutline): topic is Topic {
  return 'why' in topic && 'resources' in topic;
}
