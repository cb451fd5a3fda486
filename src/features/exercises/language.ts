import * as vscode from 'vscode';
import { config, setExerciseLanguage } from '../../app/config';
import { flavourInfo, flavours } from '../../domain/exercises/flavours';
import type { Flavour } from '../../domain/exercises/flavours';
import type { Services } from '../../app/services';

/** What each language needs on the learner's machine, said before they pick it. */
export const toolchainOf: Readonly<Record<Flavour, string>> = {
  javascript: 'Express, checked by its own tests and then the behavioural spec. Needs Node.js 20+.',
  typescript: 'Express run with tsx, checked by its own tests and then the behavioural spec. Needs Node.js 20+.',
  python: 'FastAPI in a .venv the check creates, judged by the behavioural spec over HTTP. Needs Python 3.11+.',
  go: 'Standard net/http, judged by the behavioural spec over HTTP. Needs Go 1.22+.',
};

/** How many exercises come in each language. */
export function exercisesPerLanguage(services: Services): Record<Flavour, number> {
  const counts = Object.fromEntries(flavours.map((f) => [f, 0])) as Record<Flavour, number>;
  for (const e of services.catalog.exercises) for (const f of e.flavours) counts[f]++;
  return counts;
}

/** Saves the choice and says what it means for exercises that lack it. */
export async function chooseLanguage(services: Services, language: Flavour): Promise<void> {
  await setExerciseLanguage(language);
  const count = exercisesPerLanguage(services)[language];
  const total = services.catalog.exercises.length;
  services.log.info(`Exercise language: ${language}`);
  void vscode.window.showInformationMessage(
    count === total
      ? `Backend Roadmap: exercises will be scaffolded in ${flavourInfo[language].label}.`
      : `Backend Roadmap: exercises will be scaffolded in ${flavourInfo[language].label} where they have it (${count} of ${total}); the others in JavaScript.`,
  );
}

/** The palette command and the walkthrough step: a pick of the four languages, the current one marked. */
export async function pickLanguage(services: Services): Promise<void> {
  const current = config.exerciseLanguage();
  const counts = exercisesPerLanguage(services);
  const total = services.catalog.exercises.length;
  const pick = await vscode.window.showQuickPick(
    flavours.map((f) => ({
      label: `${f === current ? '$(check) ' : ''}${flavourInfo[f].label}`,
      description: `${counts[f]} of ${total} exercises`,
      detail: toolchainOf[f],
      language: f,
    })),
    { title: 'Choose your exercise language', placeHolder: `Now: ${flavourInfo[current].label}` },
  );
  if (pick) await chooseLanguage(services, pick.language);
}
