import * as vscode from 'vscode';
import { commands } from '../../app/ids';
import type { Services } from '../../app/services';
import { resolveTopic } from '../roadmap/pickTopic';
import type { TopicArg } from '../roadmap/pickTopic';
import { openNote } from './notes';

export interface NotesFeature {
  /** Opens (creating if needed) the notes of a topic; asks which topic without one. */
  open(topic?: TopicArg): Promise<vscode.Uri | undefined>;
}

export function registerNotes(context: vscode.ExtensionContext, services: Services): NotesFeature {
  const open = async (arg: TopicArg) => {
    const topicId = await resolveTopic(services, arg, 'Open notes for a topic');
    const topic = topicId ? services.topic(topicId)?.topic : undefined;
    return topic ? openNote(topic.id, topic.title) : undefined;
  };
  context.subscriptions.push(vscode.commands.registerCommand(commands.openNotes, open));
  return { open };
}
