import { BROKEN_CHARACTER, NOT_CARRIABLE } from './blueprintSchema';
import { PRIVATE_KEY_MESSAGE } from './privateKeyText';

/**
 * The English of every blueprint problem (the catalogue's `rules` section). The rules make their
 * messages from these, so the CLI's English and the Korean in the form come from the same keys.
 * Values in quotes are the person's input, already quoted by `quote()`.
 */
export const RULE_TEXT_EN = {
  /** Joins the parts of a composed message: the reasons a name is refused. */
  and: ' and ',
  accountName: {
    userEmpty: 'Every user needs a name.',
    groupEmpty: 'Every group needs a name.',
    userDot: 'User name {{name}} cannot be used: it means a folder, not an account.',
    groupDot: 'Group name {{name}} cannot be used: it means a folder, not an account.',
    userBad:
      'User name {{name}} cannot be used: it {{reasons}}. osbuild accepts only names of at most 32 characters ' +
      'made of letters, digits, ".", "_" and "-" (not starting with "-"), and it would refuse this one only at ' +
      'the end of a long build.',
    groupBad:
      'Group name {{name}} cannot be used: it {{reasons}}. osbuild accepts only names of at most 32 characters ' +
      'made of letters, digits, ".", "_" and "-" (not starting with "-"), and it would refuse this one only at ' +
      'the end of a long build.',
    tooLong: 'is {{length}} characters long',
    startsWithDash: 'starts with "-"',
    badCharacters: 'contains characters other than A–Z, a–z, 0–9, ".", "_" and "-"',
  },
  userName: {
    duplicate: 'There are two users named {{name}}; bib would keep only the last one.',
    onlyDigits: 'User name {{name}} is only digits; many tools would take it for a user ID.',
  },
  group: {
    duplicateName: 'There are two groups named {{name}}; bib refuses duplicate group names.',
    duplicateId: 'Two groups have the group ID {{id}}; bib refuses duplicate group IDs.',
  },
  userFields: {
    userIdRange: 'User ID {{id}} is out of range: it must be between 0 and {{max}}.',
    groupIdRange: 'Group ID {{id}} is out of range: it must be between 0 and {{max}}.',
    descriptionChars:
      'The description of user {{name}} cannot contain ":", line breaks or other control characters: useradd refuses them, late in the build.',
    homeChars:
      'The home folder of user {{name}} cannot contain ":", line breaks or other control characters: useradd refuses them, late in the build.',
    shellChars:
      'The shell of user {{name}} cannot contain ":", line breaks or other control characters: useradd refuses them, late in the build.',
    homeRelative: 'Home folder {{path}} must be an absolute path starting with "/".',
    shellRelative: 'Shell {{path}} must be an absolute path starting with "/".',
    inGroups: 'In the groups of user {{user}}: {{bad}}',
  },
  password: {
    unrecognisedHash:
      'The password of user {{name}} is a {{scheme}} hash, which osbuild does not recognise: it would hash it ' +
      'again and nobody could log in with the real password. Type the password itself (Bootstick stores and ' +
      'writes only its SHA-512 hash), or give a SHA-512 hash from `openssl passwd -6`.',
    incompleteHash:
      'The password of user {{name}} starts like a crypt hash but is not a complete one; osbuild would copy it ' +
      'as it is and nobody could log in with it, so Bootstick does not write it. Type the password itself, or ' +
      'paste the whole hash from `openssl passwd -6`.',
  },
  privateKey: PRIVATE_KEY_MESSAGE,
  sshKey: {
    ofUser: 'SSH key of user {{name}}: {{detail}}',
    ofUserLine: 'SSH key of user {{name}}, line {{line}}: {{detail}}',
    certificate:
      'Line {{line}} is an SSH certificate, not a public key. Paste the public key (.pub file) instead.',
    notPublic:
      'Line {{line}} is not an SSH public key. A public key is one line such as ' +
      '"ssh-ed25519 AAAAC3Nza… you@host": the contents of a .pub file (e.g. ~/.ssh/id_ed25519.pub).',
    dsa: 'OpenSSH no longer accepts DSA keys; use an ed25519 key (ssh-keygen -t ed25519).',
    shortRsa:
      'This RSA key has only {{bits}} bits; OpenSSH refuses RSA keys under 2048 bits on many systems.',
  },
  /** Problems of the file itself, found while reading an imported TOML or JSON config. */
  schema: {
    theConfig: 'The config',
    missing: '{{label}} is missing.',
    unknownKey: 'Unknown key {{key}}: bib refuses keys it does not know.',
    unknownKeyIn: 'Unknown key {{key}} in {{where}}: bib refuses keys it does not know.',
    unknownKeySuggest:
      'Unknown key {{key}}: bib refuses keys it does not know. Did you mean "{{suggestion}}"?',
    unknownKeyInSuggest:
      'Unknown key {{key}} in {{where}}: bib refuses keys it does not know. Did you mean "{{suggestion}}"?',
    tomlWrapper:
      'The {"blueprint": …} wrapper is an old form bib accepts only in JSON; in TOML start directly with [customizations…] tables.',
    mustBe: '{{label}} must be {{expected}}.',
    text: 'text (in quotes)',
    wholeNumber: 'a whole number',
    trueOrFalse: 'true or false',
    list: 'a list',
    table: 'a table of settings',
    mustBeSize: '{{label}} must be a number of bytes or a size such as "10 GiB".',
    outOfRange: '{{label}} is out of range.',
    custom: '{{label}} {{detail}}.',
    brokenCharacter: BROKEN_CHARACTER,
    notCarriable: NOT_CARRIABLE,
    notValid: '{{label}} is not valid.',
  },
  /** The reading of an imported file: its syntax, and what bib reads differently from the model. */
  source: {
    tomlSyntax: 'This is not valid TOML (line {{line}}, column {{column}}): {{reason}}.',
    jsonSyntax: 'This is not valid JSON (line {{line}}, column {{column}}): {{reason}}.',
    date: 'A date is not a setting bib knows; write it in quotes if it is meant as text.',
    sizeAndMinsize:
      'Give either size or minsize, not both: size is an old name for minsize, and bib refuses both together.',
    protoKey: 'A key named "__proto__" is not allowed.',
    jsonWrapper:
      'This file uses the old {"blueprint": …} wrapper. bib still reads it; Bootstick writes the plain form.',
    wrapperSibling: 'bib ignores the key {{key}} next to "blueprint"; it was dropped.',
    jsonNotObject: 'The config must be a JSON object such as {"customizations": {…}}.',
  },
  rootUser: {
    maybeIso:
      "If this is built as an ISO installer, bib refuses root's {{fields}}: there root can have only a password and SSH keys.",
    iso: "In an ISO installer root can have only a password and SSH keys; bib refuses root's {{fields}}.",
  },
  kernel: {
    appendLine:
      'Kernel arguments must be on one line, separated by spaces: line breaks and other control characters would break the boot entry.',
    nameIgnored:
      'The kernel name is ignored for bootc images: the kernel comes with the container image (bib warns "not supported").',
  },
  mountpoint: {
    notAbsolute: 'Mount point {{mountpoint}} must be an absolute path starting with "/".',
    notPlain:
      'Mount point {{mountpoint}} must be written plainly as {{clean}} (no trailing "/", "//", "." or "..").',
    btrfs:
      'With a btrfs root filesystem bib accepts only the mount points / and /boot, so {{mountpoint}} is refused.',
    var: '"/var" itself cannot be a separate filesystem in a bootc image; use a folder below it, such as /var/data.',
    bootcOwned:
      '{{mountpoint}} cannot be a separate filesystem: bootc manages {{denied}} itself (it is a link or belongs to the system).',
    readOnly:
      '{{mountpoint}} cannot be a separate filesystem in a bootc disk image: only /, /boot and folders under /var ' +
      '(such as /var/data or /var/log) are allowed, because the rest of the system comes read-only from the container image.',
    withDisk:
      'Filesystem sizes and a disk layout cannot both be given: bib refuses to combine them. Keep one of the two.',
    duplicate: 'Mount point {{mountpoint}} is listed twice.',
  },
  size: {
    noNumber:
      'The size of {{mountpoint}} ({{size}}) has no number in it; write it like "10 GiB" or "500 MiB".',
    notUnderstood:
      'The size of {{mountpoint}} ({{size}}) is not a size bib understands: write a whole number followed by kB, ' +
      'KiB, MB, MiB, GB, GiB, TB or TiB (exactly so, e.g. "10 GiB"; "10 gib", "10G" and "1.5 GiB" are refused), ' +
      'or a number of bytes.',
    tooLarge: 'The size of {{mountpoint}} ({{size}}) is far too large.',
    zero: 'The size of {{mountpoint}} must be greater than 0.',
    tiny: 'The size of {{mountpoint}} is only {{bytes}} bytes; a unit such as GiB may be missing.',
  },
  installer: {
    kickstartAccounts:
      'A kickstart of your own cannot be combined with users or groups: bib refuses it. Create the accounts in ' +
      'the kickstart (user, rootpw, sshkey commands), or remove the kickstart.',
    kickstartUnattended:
      'Unattended installation cannot be combined with a kickstart of your own (bib refuses it); put the ' +
      'unattended settings in the kickstart instead.',
    kickstartSudo:
      'Password-less sudo cannot be combined with a kickstart of your own (bib refuses it); add it to the kickstart instead.',
    kickstartPlainPassword:
      'Line {{line}} of the kickstart ({{command}}) sets a password in plain text: it goes into the ISO as it ' +
      'is, readable by anyone who has the stick. Use {{command}} --iscrypted with a hash from `openssl passwd -6`.',
    usersModule:
      "The installer's Users module ({{module}}) cannot be disabled while users or groups are set: " +
      'bib refuses it, because that module creates them.',
  },
  iso: {
    labelMissing: 'The ISO settings need a volume label: bib refuses an ISO section without one.',
    labelCharacters:
      'ISO volume label {{label}} may contain only letters A–Z, digits, "-" and "_" (no spaces).',
    labelLong: 'ISO volume label {{label}} is longer than 32 characters and will be cut short.',
  },
  imageType: {
    packages:
      '"{{key}}" is ignored: a bootc image gets its software from the container image (bib warns "not supported").',
    sshkeyForType:
      'customizations.sshkey is the old way to add SSH keys and is not supported for {{type}} images (bib warns); put the key on a user instead.',
    sshkeyForBootc:
      'customizations.sshkey is the old way to add SSH keys and is not supported for bootc images (bib warns); put the key on a user instead.',
    unusedForType:
      'customizations.{{key}} is not used for {{type}} images: bib warns "not supported" and ignores it.',
    unusedForBootc:
      'customizations.{{key}} is not used for bootc images: bib warns "not supported" and ignores it.',
  },
};
