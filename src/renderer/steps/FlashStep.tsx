import { DrivePicker } from '../components/DrivePicker';

/** Flash: pick target drives (writing them arrives with the flash issue). */
export function FlashStep() {
  return <DrivePicker />;
}
