import { type ClassifyContext, classifyDrive } from './classifyDrive';
import type { DriveFacts } from './driveFacts';
import type { DriveView } from './driveView';

/** The view model a person sees: the facts that matter plus the safety verdict. */
export function toDriveView(facts: DriveFacts, context: ClassifyContext): DriveView {
  return {
    path: facts.path,
    description: facts.description,
    size: facts.size,
    bus: facts.busType,
    removable: facts.removable,
    virtual: facts.virtual,
    readOnly: facts.readOnly,
    mountpoints: facts.mountpoints,
    backingFile: facts.backingFile,
    verdict: classifyDrive(facts, context),
  };
}
