// Every command, view and setting id, defined once. A unit test checks these against package.json.
export const extensionId = 'backend-roadmap.backend-roadmap';

export const commands = {
  showRoadmap: 'backendRoadmap.showRoadmap',
  selectRoadmap: 'backendRoadmap.selectRoadmap',
  openTopic: 'backendRoadmap.openTopic',
  showNextUp: 'backendRoadmap.showNextUp',
  searchTopics: 'backendRoadmap.searchTopics',
  revealCurrentTopic: 'backendRoadmap.revealCurrentTopic',
  filterTopics: 'backendRoadmap.filterTopics',
  markDone: 'backendRoadmap.markDone',
  markInProgress: 'backendRoadmap.markInProgress',
  markSkipped: 'backendRoadmap.markSkipped',
  markNotStarted: 'backendRoadmap.markNotStarted',
  scaffoldExercise: 'backendRoadmap.scaffoldExercise',
  checkExercise: 'backendRoadmap.checkExercise',
  chooseExerciseLanguage: 'backendRoadmap.chooseExerciseLanguage',
  showDashboard: 'backendRoadmap.showDashboard',
  takeQuiz: 'backendRoadmap.takeQuiz',
  placementCheck: 'backendRoadmap.placementCheck',
  startReview: 'backendRoadmap.startReview',
  openNotes: 'backendRoadmap.openNotes',
  importProgress: 'backendRoadmap.importProgress',
  exportProgress: 'backendRoadmap.exportProgress',
  resetProgress: 'backendRoadmap.resetProgress',
  showLog: 'backendRoadmap.showLog',
  newRoadmap: 'backendRoadmap.newRoadmap',
  newExercise: 'backendRoadmap.newExercise',
} as const;

export const views = {
  container: 'backendRoadmap',
  tree: 'backendRoadmap.tree',
  topicPanel: 'backendRoadmap.topic',
  dashboard: 'backendRoadmap.dashboard',
  quizPanel: 'backendRoadmap.quiz',
  walkthrough: 'backendRoadmap.gettingStarted',
} as const;

export const settings = {
  section: 'backendRoadmap',
  exercisesFolder: 'exercisesFolder',
  checkTimeoutSeconds: 'checkTimeoutSeconds',
  exerciseLanguage: 'exerciseLanguage',
  progressStorage: 'progressStorage',
  notesFolder: 'notesFolder',
  authoringFolder: 'authoringFolder',
} as const;

/**
 * Context keys the walkthrough's steps complete on. Commands run from the tree or a webview go
 * through the extension host, where the walkthrough's onCommand events never see them.
 */
export const contextKeys = {
  openedTopic: 'backendRoadmap.openedTopic',
  tickedItem: 'backendRoadmap.tickedItem',
  scaffoldedExercise: 'backendRoadmap.scaffoldedExercise',
  openedDashboard: 'backendRoadmap.openedDashboard',
} as const;

// The lightbulb hides source.* kinds and Source Action… shows only them, so offers come in both.
export const codeActionKinds = {
  scaffold: 'backendRoadmap.scaffold',
  sourceScaffold: 'source.backendRoadmap.scaffold',
} as const;
