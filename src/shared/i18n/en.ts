/** English strings. Keys are shared with ko.ts; the type of this object is the catalogue's shape. */
export const en = {
  app: {
    name: 'Bootstick',
    tagline: 'bootc image → verified USB stick',
    language: 'Language',
    steps: 'Steps',
  },
  steps: {
    image: {
      title: 'Image',
      intro: 'Choose a bootc container image, a Containerfile, or a disk image file.',
    },
    blueprint: { title: 'Blueprint', intro: 'Decide who may log in and what gets baked into the image.' },
    build: {
      title: 'Build',
      intro: 'bootc-image-builder turns the image and blueprint into a disk image or ISO.',
    },
    flash: { title: 'Flash', intro: 'Pick the drives to write. Everything on them will be erased.' },
    firstBoot: { title: 'First boot', intro: 'Boot from the stick, log in, and keep the system up to date.' },
  },
  drives: {
    heading: 'Target drives',
    showHidden: 'Show hidden drives ({{count}})',
    showVirtual: 'Show virtual drives',
    none: 'No drives found',
    noneHint: 'Insert a USB stick or SD card. It appears here within a second.',
    count_one: '{{count}} drive available',
    count_other: '{{count}} drives available',
    selectedCount: '{{count}} selected',
    select: 'Select {{name}}',
    bus: 'Bus',
    size: 'Size',
    mounted: 'Mounted at',
    removable: 'Removable',
    virtual: 'Virtual',
    status: {
      selectable: 'Ready to flash',
      warning: 'Check before flashing',
      refused: 'Cannot be flashed',
    },
    reason: {
      system: 'System drive: the running computer needs it',
      system_detail: 'System drive: the running computer uses it ({{detail}})',
      inUse: 'In use by {{detail}}',
      raidMember: 'Part of a RAID array',
      raidMember_detail: 'Part of a RAID array ({{detail}})',
      readOnly: 'Read-only: the drive is write-protected',
      noMedia: 'No media: the reader is empty',
      holdsImage: 'Holds the selected image file',
      tooSmall: 'Too small for the selected image ({{detail}} needed)',
      large: 'Unusually large (over {{detail}}): make sure this is the stick you mean',
      virtual: 'Virtual drive backed by {{detail}}',
    },
  },
};

export type Catalogue = typeof en;
