import { z } from 'zod';
import { LocalImageTagSchema } from './containerfileBuild';

/** An example Containerfile the app ships (resources/examples/<id>/), as the gallery shows it. */
export const ExampleSchema = z.object({
  /** The folder's name: lowercase letters, digits and dashes. */
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  /** The tag a build of it suggests, `localhost/<id>-bootc:latest`. */
  tag: LocalImageTagSchema,
  /** The build arguments its Containerfile declares, with their defaults. */
  buildArgs: z.array(z.object({ name: z.string(), value: z.string() })),
});
export type Example = z.infer<typeof ExampleSchema>;

/** An example copied into the data folder: a build context of the person's own, ready to build or edit. */
export const ExampleCopySchema = ExampleSchema.extend({ contextDir: z.string(), containerfile: z.string() });
export type ExampleCopy = z.infer<typeof ExampleCopySchema>;
