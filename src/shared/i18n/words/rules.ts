import { BROKEN_CHARACTER, NOT_CARRIABLE } from '../../blueprint/blueprintSchema';
import { PRIVATE_KEY_MESSAGE } from '../../blueprint/privateKeyText';
import { bilingual } from './bilingual';

/**
 * Every blueprint problem (the catalogue's `rules` section). The rules make their messages from
 * these, so the CLI's English and the Korean in the form come from the same keys. Values in quotes
 * are the person's input, already quoted by `quote()`. In Korean a refused name's reasons are short
 * noun phrases joined by ", " inside parentheses, the way Korean forms list them; English joins
 * clauses with " and ".
 */
export const rulesWords = bilingual({
  en: {
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
      onlyVolumeId: 'bootc-image-builder labels its installer ISO with volume_id only: {{key}} is not used.',
      ignoredByImages:
        'customizations.iso is not used by this builder (image-builder-cli): it warns "not supported" and gives the ISO its own label.',
    },
    successor: {
      payloadRefused:
        'bootc-image-builder refuses customizations.installer.payload: only its successor, image-builder-cli, reads it (and even then a bootc installer does not install those flatpaks).',
      payloadMaybeRefused:
        'customizations.installer.payload is read only by image-builder-cli; bootc-image-builder refuses the whole config because of it.',
      payloadUnused:
        'image-builder-cli accepts customizations.installer.payload, but a bootc installer does not install those flatpaks.',
      sectorSizeIgnored:
        'bootc-image-builder ignores customizations.disk.sector_size; only image-builder-cli applies it.',
      sectorSizePower: 'The disk sector size {{size}} must be a power of 2 (512 or 4096, for example).',
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
  },
  ko: {
    and: ', ',
    accountName: {
      userEmpty: '모든 사용자에게는 이름이 있어야 합니다.',
      groupEmpty: '모든 그룹에는 이름이 있어야 합니다.',
      userDot: '사용자 이름 {{name}}은(는) 쓸 수 없습니다: 계정이 아니라 폴더를 뜻합니다.',
      groupDot: '그룹 이름 {{name}}은(는) 쓸 수 없습니다: 계정이 아니라 폴더를 뜻합니다.',
      userBad:
        '사용자 이름 {{name}}은(는) 쓸 수 없습니다({{reasons}}). osbuild는 영문자, 숫자, ".", "_", "-"로 된 ' +
        '32자 이하의 이름만 받으며("-"로 시작할 수 없음), 이 이름은 긴 빌드가 끝날 무렵에야 거부합니다.',
      groupBad:
        '그룹 이름 {{name}}은(는) 쓸 수 없습니다({{reasons}}). osbuild는 영문자, 숫자, ".", "_", "-"로 된 ' +
        '32자 이하의 이름만 받으며("-"로 시작할 수 없음), 이 이름은 긴 빌드가 끝날 무렵에야 거부합니다.',
      tooLong: '{{length}}자로 너무 김',
      startsWithDash: '"-"로 시작함',
      badCharacters: 'A–Z, a–z, 0–9, ".", "_", "-" 이외의 문자가 들어 있음',
    },
    userName: {
      duplicate: '{{name}}(이)라는 사용자가 둘 있습니다. bib는 마지막 사용자만 남깁니다.',
      onlyDigits:
        '사용자 이름 {{name}}은(는) 숫자로만 되어 있습니다. 많은 도구가 이를 사용자 ID로 오해합니다.',
    },
    group: {
      duplicateName: '{{name}}(이)라는 그룹이 둘 있습니다. bib는 같은 이름의 그룹을 거부합니다.',
      duplicateId: '그룹 ID {{id}}을(를) 쓰는 그룹이 둘 있습니다. bib는 같은 그룹 ID를 거부합니다.',
    },
    userFields: {
      userIdRange: '사용자 ID {{id}}이(가) 범위를 벗어났습니다: 0부터 {{max}} 사이여야 합니다.',
      groupIdRange: '그룹 ID {{id}}이(가) 범위를 벗어났습니다: 0부터 {{max}} 사이여야 합니다.',
      descriptionChars:
        '사용자 {{name}}의 설명에는 ":", 줄바꿈, 그 밖의 제어 문자를 쓸 수 없습니다. useradd가 빌드 후반에 거부합니다.',
      homeChars:
        '사용자 {{name}}의 홈 폴더에는 ":", 줄바꿈, 그 밖의 제어 문자를 쓸 수 없습니다. useradd가 빌드 후반에 거부합니다.',
      shellChars:
        '사용자 {{name}}의 셸에는 ":", 줄바꿈, 그 밖의 제어 문자를 쓸 수 없습니다. useradd가 빌드 후반에 거부합니다.',
      homeRelative: '홈 폴더 {{path}}은(는) "/"로 시작하는 절대 경로여야 합니다.',
      shellRelative: '셸 {{path}}은(는) "/"로 시작하는 절대 경로여야 합니다.',
      inGroups: '사용자 {{user}}의 그룹: {{bad}}',
    },
    password: {
      unrecognisedHash:
        '사용자 {{name}}의 비밀번호는 osbuild가 알아보지 못하는 {{scheme}} 해시입니다. osbuild가 이를 다시 해시하므로 ' +
        '실제 비밀번호로는 아무도 로그인할 수 없게 됩니다. 비밀번호 자체를 입력하거나(Bootstick은 SHA-512 해시만 ' +
        '저장하고 기록합니다) `openssl passwd -6`으로 만든 SHA-512 해시를 넣으세요.',
      incompleteHash:
        '사용자 {{name}}의 비밀번호는 crypt 해시처럼 시작하지만 완전한 해시가 아닙니다. osbuild는 이를 그대로 ' +
        '복사해서 아무도 그 비밀번호로 로그인할 수 없으므로 Bootstick은 이를 기록하지 않습니다. 비밀번호 자체를 ' +
        '입력하거나 `openssl passwd -6`으로 만든 해시 전체를 붙여 넣으세요.',
    },
    privateKey:
      '이것은 SSH 개인 키입니다. 보관하지 않았습니다: 개인 키는 절대로 컴퓨터 밖으로 나가면 안 됩니다. ' +
      '대신 공개 키를 붙여 넣으세요: .pub 파일(예: ~/.ssh/id_ed25519.pub)의 한 줄짜리 내용으로, ' +
      'ssh-ed25519, ssh-rsa 또는 ecdsa-sha2-…로 시작합니다.',
    sshKey: {
      ofUser: '사용자 {{name}}의 SSH 키: {{detail}}',
      ofUserLine: '사용자 {{name}}의 SSH 키, {{line}}번째 줄: {{detail}}',
      certificate:
        '{{line}}번째 줄은 공개 키가 아니라 SSH 인증서입니다. 대신 공개 키(.pub 파일)를 붙여 넣으세요.',
      notPublic:
        '{{line}}번째 줄은 SSH 공개 키가 아닙니다. 공개 키는 "ssh-ed25519 AAAAC3Nza… you@host"처럼 ' +
        '한 줄이며, .pub 파일(예: ~/.ssh/id_ed25519.pub)의 내용입니다.',
      dsa: 'OpenSSH는 더 이상 DSA 키를 받지 않습니다. ed25519 키를 쓰세요(ssh-keygen -t ed25519).',
      shortRsa:
        '이 RSA 키는 {{bits}}비트뿐입니다. 많은 시스템에서 OpenSSH가 2048비트 미만의 RSA 키를 거부합니다.',
    },
    schema: {
      theConfig: '설정 파일',
      missing: '{{label}} 항목이 없습니다.',
      unknownKey: '알 수 없는 키 {{key}}입니다. bib는 모르는 키를 거부합니다.',
      unknownKeyIn: '{{where}}에 알 수 없는 키 {{key}}이(가) 있습니다. bib는 모르는 키를 거부합니다.',
      unknownKeySuggest:
        '알 수 없는 키 {{key}}입니다. bib는 모르는 키를 거부합니다. "{{suggestion}}"을(를) 뜻하셨나요?',
      unknownKeyInSuggest:
        '{{where}}에 알 수 없는 키 {{key}}이(가) 있습니다. bib는 모르는 키를 거부합니다. "{{suggestion}}"을(를) 뜻하셨나요?',
      tomlWrapper:
        '{"blueprint": …} 감싸기는 bib가 JSON에서만 받는 옛 형식입니다. TOML에서는 바로 [customizations…] 표로 시작하세요.',
      mustBe: '{{label}}의 값으로는 {{expected}}만 쓸 수 있습니다.',
      text: '따옴표로 감싼 텍스트',
      wholeNumber: '정수',
      trueOrFalse: 'true 또는 false',
      list: '목록',
      table: '설정 표',
      mustBeSize: '{{label}}에는 바이트 수나 "10 GiB" 같은 크기를 넣어야 합니다.',
      outOfRange: '{{label}} 값이 허용 범위를 벗어났습니다.',
      custom: '{{label}}: {{detail}}.',
      brokenCharacter: '깨진 문자(UTF-16 서로게이트 쌍의 절반)가 들어 있습니다',
      notCarriable: 'TOML에 담을 수 없는 빈 값(null)이나 깨진 문자가 들어 있습니다',
      notValid: '{{label}} 값이 올바르지 않습니다.',
    },
    source: {
      tomlSyntax: '올바른 TOML이 아닙니다({{line}}번째 줄, {{column}}번째 칸): {{reason}}.',
      jsonSyntax: '올바른 JSON이 아닙니다({{line}}번째 줄, {{column}}번째 칸): {{reason}}.',
      date: '날짜는 bib가 아는 설정이 아닙니다. 텍스트로 쓰려면 따옴표로 감싸세요.',
      sizeAndMinsize:
        'size와 minsize 중 하나만 쓰세요. size는 minsize의 옛 이름이며, bib는 둘을 함께 쓰면 거부합니다.',
      protoKey: '"__proto__"라는 이름의 키는 쓸 수 없습니다.',
      jsonWrapper:
        '이 파일은 옛 {"blueprint": …} 감싸기를 씁니다. bib는 아직 읽지만 Bootstick은 감싸지 않은 형식으로 씁니다.',
      wrapperSibling: 'bib는 "blueprint" 옆의 키 {{key}}을(를) 무시하므로 버렸습니다.',
      jsonNotObject: '설정 파일은 {"customizations": {…}} 같은 JSON 객체여야 합니다.',
    },
    rootUser: {
      maybeIso:
        'ISO 설치 프로그램으로 빌드하면 bib는 root의 {{fields}}을(를) 거부합니다. 그때 root에는 비밀번호와 SSH 키만 둘 수 있습니다.',
      iso: 'ISO 설치 프로그램에서 root에는 비밀번호와 SSH 키만 둘 수 있습니다. bib는 root의 {{fields}}을(를) 거부합니다.',
    },
    kernel: {
      appendLine:
        '커널 인수는 공백으로 구분해 한 줄에 써야 합니다. 줄바꿈이나 그 밖의 제어 문자는 부팅 항목을 망가뜨립니다.',
      nameIgnored:
        'bootc 이미지에서는 커널 이름이 무시됩니다. 커널은 컨테이너 이미지에 들어 있습니다(bib가 "not supported" 경고를 냅니다).',
    },
    mountpoint: {
      notAbsolute: '마운트 지점 {{mountpoint}}은(는) "/"로 시작하는 절대 경로여야 합니다.',
      notPlain:
        '마운트 지점 {{mountpoint}}은(는) {{clean}}처럼 간단히 써야 합니다(끝의 "/", "//", ".", ".." 없이).',
      btrfs:
        'btrfs 루트 파일 시스템에서는 bib가 마운트 지점으로 /와 /boot만 받으므로 {{mountpoint}}은(는) 거부됩니다.',
      var: 'bootc 이미지에서 "/var" 자체는 별도 파일 시스템이 될 수 없습니다. /var/data처럼 그 아래 폴더를 쓰세요.',
      bootcOwned:
        '{{mountpoint}}은(는) 별도 파일 시스템이 될 수 없습니다: {{denied}}은(는) bootc가 직접 관리합니다(링크이거나 시스템 소유입니다).',
      readOnly:
        '{{mountpoint}}은(는) bootc 디스크 이미지에서 별도 파일 시스템이 될 수 없습니다. /, /boot, 그리고 ' +
        '/var 아래 폴더(/var/data, /var/log 등)만 허용됩니다. 나머지 시스템은 컨테이너 이미지에서 읽기 전용으로 오기 때문입니다.',
      withDisk:
        '파일 시스템 크기와 디스크 레이아웃을 함께 지정할 수 없습니다. bib가 둘을 함께 쓰는 것을 거부하니 하나만 남기세요.',
      duplicate: '마운트 지점 {{mountpoint}}이(가) 두 번 나옵니다.',
    },
    size: {
      noNumber: '{{mountpoint}}의 크기({{size}})에 숫자가 없습니다. "10 GiB"나 "500 MiB"처럼 쓰세요.',
      notUnderstood:
        '{{mountpoint}}의 크기({{size}})는 bib가 알아듣는 형식이 아닙니다. 정수 뒤에 kB, KiB, MB, MiB, GB, GiB, ' +
        'TB, TiB 중 하나를 정확히 붙이거나(예: "10 GiB". "10 gib", "10G", "1.5 GiB"는 거부됩니다) 바이트 수를 쓰세요.',
      tooLarge: '{{mountpoint}}의 크기({{size}})가 너무 큽니다.',
      zero: '{{mountpoint}}의 크기는 0보다 커야 합니다.',
      tiny: '{{mountpoint}}의 크기가 {{bytes}}바이트뿐입니다. GiB 같은 단위가 빠졌을 수 있습니다.',
    },
    installer: {
      kickstartAccounts:
        '직접 만든 kickstart는 사용자나 그룹과 함께 쓸 수 없습니다(bib가 거부합니다). 계정을 kickstart ' +
        '안에서(user, rootpw, sshkey 명령으로) 만들거나 kickstart를 빼세요.',
      kickstartUnattended:
        '무인 설치는 직접 만든 kickstart와 함께 쓸 수 없습니다(bib가 거부합니다). 무인 설정을 kickstart 안에 넣으세요.',
      kickstartSudo:
        '비밀번호 없는 sudo는 직접 만든 kickstart와 함께 쓸 수 없습니다(bib가 거부합니다). kickstart에 추가하세요.',
      kickstartPlainPassword:
        'kickstart {{line}}번째 줄({{command}})이 비밀번호를 평문으로 설정합니다: 그대로 ISO에 들어가서 USB를 가진 ' +
        '누구나 읽을 수 있습니다. `openssl passwd -6`으로 만든 해시와 함께 {{command}} --iscrypted를 쓰세요.',
      usersModule:
        '사용자나 그룹이 있는 동안에는 설치 프로그램의 Users 모듈({{module}})을 끌 수 없습니다. ' +
        '그 모듈이 계정을 만들기 때문에 bib가 거부합니다.',
    },
    iso: {
      labelMissing: 'ISO 설정에는 볼륨 레이블이 있어야 합니다. bib는 레이블 없는 ISO 섹션을 거부합니다.',
      labelCharacters:
        'ISO 볼륨 레이블 {{label}}에는 영문자 A–Z, 숫자, "-", "_"만 쓸 수 있습니다(공백 불가).',
      labelLong: 'ISO 볼륨 레이블 {{label}}이(가) 32자를 넘어 잘립니다.',
      onlyVolumeId:
        'bootc-image-builder는 설치 ISO의 레이블로 volume_id만 씁니다: {{key}}은(는) 쓰이지 않습니다.',
      ignoredByImages:
        '이 빌더(image-builder-cli)는 customizations.iso를 쓰지 않습니다: "not supported" 경고를 내고 ISO에 자체 레이블을 붙입니다.',
    },
    successor: {
      payloadRefused:
        'bootc-image-builder는 customizations.installer.payload를 거부합니다: 후속판인 image-builder-cli만 읽습니다(그래도 bootc 설치 프로그램은 그 flatpak을 설치하지 않습니다).',
      payloadMaybeRefused:
        'customizations.installer.payload는 image-builder-cli만 읽습니다. bootc-image-builder는 이것 때문에 설정 전체를 거부합니다.',
      payloadUnused:
        'image-builder-cli는 customizations.installer.payload를 받아들이지만 bootc 설치 프로그램은 그 flatpak을 설치하지 않습니다.',
      sectorSizeIgnored:
        'bootc-image-builder는 customizations.disk.sector_size를 무시합니다. image-builder-cli만 적용합니다.',
      sectorSizePower: '디스크 섹터 크기 {{size}}은(는) 2의 거듭제곱이어야 합니다(예: 512, 4096).',
    },
    imageType: {
      packages:
        '"{{key}}"은(는) 무시됩니다. bootc 이미지의 소프트웨어는 컨테이너 이미지에서 옵니다(bib가 "not supported" 경고를 냅니다).',
      sshkeyForType:
        'customizations.sshkey는 SSH 키를 넣는 옛 방식으로 {{type}} 이미지에서는 지원되지 않습니다(bib가 경고합니다). 키를 사용자에 넣으세요.',
      sshkeyForBootc:
        'customizations.sshkey는 SSH 키를 넣는 옛 방식으로 bootc 이미지에서는 지원되지 않습니다(bib가 경고합니다). 키를 사용자에 넣으세요.',
      unusedForType:
        'customizations.{{key}}은(는) {{type}} 이미지에서 쓰이지 않습니다. bib가 "not supported" 경고를 내고 무시합니다.',
      unusedForBootc:
        'customizations.{{key}}은(는) bootc 이미지에서 쓰이지 않습니다. bib가 "not supported" 경고를 내고 무시합니다.',
    },
  },
});
