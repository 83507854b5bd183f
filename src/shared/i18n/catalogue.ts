import { appWords } from './words/app';
import { blueprintWords } from './words/blueprintStep';
import { bootTestWords } from './words/bootTest';
import { buildErrorsWords } from './words/buildErrors';
import { buildWords } from './words/buildStep';
import { drivesWords } from './words/drives';
import { elevationWords } from './words/elevation';
import { errorsWords } from './words/errors';
import { firstBootWords } from './words/firstBootStep';
import { flashWords } from './words/flashStep';
import { imageFilesWords } from './words/imageFiles';
import { imageWords } from './words/imageStep';
import { preflightWords } from './words/preflight';
import { rulesWords } from './words/rules';
import { shellWords } from './words/shell';
import { stationWords } from './words/station';
import { stepsWords } from './words/steps';
import { summaryWords } from './words/summary';
import { toolsWords } from './words/tools';
import { updatesWords } from './words/updates';

/**
 * Every word Bootstick says, in one catalogue per language, assembled from the sections in
 * words/ (each holds its English and Korean side by side). The renderer's i18next, the CLI, main's
 * menus and dialogs, and the helper's refusals all read these.
 */
export const en = {
  app: appWords.en,
  steps: stepsWords.en,
  summary: summaryWords.en,
  image: imageWords.en,
  blueprint: blueprintWords.en,
  build: buildWords.en,
  firstBoot: firstBootWords.en,
  drives: drivesWords.en,
  bootTest: bootTestWords.en,
  flash: flashWords.en,
  tools: toolsWords.en,
  preflight: preflightWords.en,
  rules: rulesWords.en,
  errors: { ...errorsWords.en, build: buildErrorsWords.en },
  shell: shellWords.en,
  elevation: elevationWords.en,
  imageFiles: imageFilesWords.en,
  station: stationWords.en,
  updates: updatesWords.en,
};

export type Catalogue = typeof en;

/** 한국어. The project's first user writes Korean; every key has its Korean (bilingual() checks). */
export const ko = {
  app: appWords.ko,
  steps: stepsWords.ko,
  summary: summaryWords.ko,
  image: imageWords.ko,
  blueprint: blueprintWords.ko,
  build: buildWords.ko,
  firstBoot: firstBootWords.ko,
  drives: drivesWords.ko,
  bootTest: bootTestWords.ko,
  flash: flashWords.ko,
  tools: toolsWords.ko,
  preflight: preflightWords.ko,
  rules: rulesWords.ko,
  errors: { ...errorsWords.ko, build: buildErrorsWords.ko },
  shell: shellWords.ko,
  elevation: elevationWords.ko,
  imageFiles: imageFilesWords.ko,
  station: stationWords.ko,
  updates: updatesWords.ko,
};
