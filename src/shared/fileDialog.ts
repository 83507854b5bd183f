import { z } from 'zod';

/**
 * What a native file dialog is opened for. The renderer names only the purpose; main picks the
 * dialog's kind (file or folder), title and filters, so a page can never shape a dialog itself.
 */
export const FileDialogPurposeSchema = z.enum(['diskImage', 'containerfile', 'buildContext']);
export type FileDialogPurpose = z.infer<typeof FileDialogPurposeSchema>;
