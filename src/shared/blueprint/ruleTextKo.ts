import type { RULE_TEXT_EN } from './ruleTextEn';

/**
 * 블루프린트 문제의 한국어 (카탈로그의 `rules` 절). A refused name's reasons are short noun
 * phrases joined by ", " inside parentheses, the way Korean forms list them; English joins clauses
 * with " and ".
 */
export const RULE_TEXT_KO: typeof RULE_TEXT_EN = {
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
    onlyDigits: '사용자 이름 {{name}}은(는) 숫자로만 되어 있습니다. 많은 도구가 이를 사용자 ID로 오해합니다.',
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
    labelCharacters: 'ISO 볼륨 레이블 {{label}}에는 영문자 A–Z, 숫자, "-", "_"만 쓸 수 있습니다(공백 불가).',
    labelLong: 'ISO 볼륨 레이블 {{label}}이(가) 32자를 넘어 잘립니다.',
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
};
