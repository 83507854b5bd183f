import { useEffect, useState } from 'react';
import type { Blueprint } from '../../../shared/blueprint/blueprintSchema';
import type { ImageType, RootFs } from '../../../shared/diskImages/imageTypes';
import { api } from '../../api';

/**
 * The exact config.toml bib will get for this form (passwords as hashes), asked of main a moment
 * after the form stops changing; null while the blueprint has errors main refuses to export.
 * One answer for the preview and the toolbar's download, so both always show the same text.
 */
export function useConfigToml(
  blueprint: Blueprint,
  imageType: ImageType,
  rootfs: RootFs | null,
): string | null {
  const [text, setText] = useState<string | null>(null);
  const key = JSON.stringify(blueprint);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void api
        .call('exportBlueprint', {
          blueprint: JSON.parse(key),
          format: 'toml',
          imageType,
          ...(rootfs ? { rootfs } : {}),
        })
        .then((result) => current && setText(result.ok ? result.text : null));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, imageType, rootfs]);
  return text;
}
