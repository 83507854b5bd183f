import { bilingual } from './bilingual';

/** Updates: what hosts download, publishing a version, where the installed system updates from. */
export const updatesWords = bilingual({
  en: {
    summary: '{{newLayers}} of {{totalLayers}} layers, {{newSize}} of {{totalSize}} will be downloaded.',
    summaryLocal:
      '{{newLayers}} of {{totalLayers}} layers, at most {{newSize}} of {{totalSize}} (uncompressed; the registry’s compressed sizes are known once it is pushed).',
    howBootcUpdates:
      'bootc downloads whole changed layers, not changed files: a layer whose digest the hosts already have is not fetched again.',
    allLayers: 'All layers are new: hosts will download the whole image.',
    rechunkHint:
      'A one-layer image re-downloads everything on every update. Rechunking splits it by content so unchanged parts are reused: `rpm-ostree compose build-chunked-oci --bootc --from=IMAGE --output containers-storage:IMAGE-chunked`, or chunkah (then add the label containers.bootc=1 back).',
    layerNew: 'new',
    layerPresent: 'already on the hosts',
    unknownInstruction: '(instruction not recorded)',
    notFound: '{{ref}} was found neither in root’s image storage nor in its registry.',
    noArchitecture: '{{ref}} is an index with no image for {{arch}}.',
    registryUnreachable: 'The registry of {{ref}} could not be reached: {{detail}}',
    tlsFailed:
      'The registry of {{ref}} did not pass TLS verification ({{detail}}). If it is a local registry you trust, mark it insecure (--insecure).',
    unauthorized:
      'The registry refused the credentials for {{ref}}: log in again with `podman login` (Bootstick reads your own auth file and never stores it).',
    unreadable: '{{ref}} could not be read: {{detail}}',
    badReference: '“{{ref}}” is not an image reference (for example registry.example.com/org/os:stable).',
    tool: {
      compareHeading: 'What hosts will download',
      fromLabel: 'What the hosts run',
      fromHint:
        'The registry’s current tag (…:stable), an earlier version (…:1), or a digest reference (…@sha256:…).',
      pasteLabel: 'Or paste `bootc status --json` from a host',
      pasteHint:
        'Run `sudo bootc status --json` on a host and paste all of it: the booted image’s digest is taken.',
      usePasted: 'Use the booted image',
      pastedTaken: 'The host boots {{image}} at {{digest}}.',
      status: {
        empty: 'Paste the output of `sudo bootc status --json` first.',
        notJson:
          'This is not JSON. Run `sudo bootc status --json` (without --json bootc prints YAML) and paste its whole output.',
        notBootcStatus:
          'This JSON is not the output of `bootc status --json`: it has no status of a bootc host.',
        notBooted: 'This host is not booted from a container image: bootc reports no booted image.',
        noDigest: 'The booted image has no image digest in this output, so there is nothing to compare with.',
        noImage: 'The booted image has no image name in this output, so its digest cannot be looked up.',
      },
      toLabel: 'The new version',
      toHint: 'An image in root’s storage (localhost/my-os:2) or in a registry.',
      archLabel: 'The hosts’ architecture',
      archDefault: 'The new version’s own',
      archHint: 'A multi-architecture index is resolved to the image hosts of this architecture pull.',
      insecure: 'The registry is a local one without TLS verification',
      insecureHint:
        'Only for a registry on this machine or network you trust; every other registry is verified.',
      compare: 'Compare',
      comparing: 'Comparing…',
      tableLabel: 'Layers of the new version',
      layer: 'Layer',
      size: 'Size',
      onHosts: 'On the hosts',
      instruction: 'Made by',
      publishHeading: 'Publish the version',
      imageLabel: 'Image in root’s storage',
      imageHint: 'What is pushed: the new version as root’s podman holds it.',
      destinationLabel: 'Version reference',
      destinationHint:
        'The registry reference with the version’s tag, for example registry.example.com/org/os:2.',
      destinationInvalid:
        '“{{ref}}” is not a registry reference with a tag (for example registry.example.com/org/os:2).',
      movingTagLabel: 'Moving tag',
      movingTagHint:
        'Hosts follow this tag (`bootc upgrade`). It is moved only once the version is complete in the registry. Leave empty to push the version tag only.',
      movingTagInvalid:
        '“{{tag}}” is not a tag: letters, digits, _ . and -, up to 128, not starting with . or -.',
      push: 'Push',
      cancel: 'Cancel push',
      progressLabel: 'Pushing',
      step: {
        starting: 'Reading the image',
        layers: 'Sending layer {{started}} of {{total}}',
        layersUnknown: 'Sending layer {{started}}',
        manifest: 'Writing the manifest',
        movingTag: 'Moving {{tag}} to this version',
      },
      notStarted: 'The push did not run: {{message}}',
      log: 'What podman said',
      newerKnown: 'A newer version is known: {{to}}.',
      tlsFailed:
        'The registry of {{ref}} did not pass TLS verification ({{detail}}). If it is a local registry you trust, tick “The registry is a local one without TLS verification”.',
    },
    push: {
      unknownImage: '{{image}} is not in root’s image storage: build or pull it first. Nothing was pushed.',
      pushed: 'Pushed {{image}} as {{ref}}.',
      movedTag: '{{tag}} now points at {{ref}}.',
      tagKept: '{{tag}} was not moved: it still points at what it pointed at before.',
      cancelled: 'The push was cancelled. {{tag}} was not moved.',
      badReference: '{{ref}} is not a registry reference with a tag (for example registry.example.com/os:2).',
      authFileUnreadable: 'Your auth file {{path}} could not be read as you: {{detail}}',
      failed: 'The push failed: {{detail}}',
    },
    updatesFrom: {
      invalid:
        '“{{ref}}” is not a registry reference hosts could update from (for example registry.example.com/org/os:stable).',
      localOnly:
        'The installed system will track {{ref}}, which no host can update from (`bootc upgrade` would ask https://localhost/). Give an “updates from” registry reference, or confirm to build anyway.',
      tagged: 'Tagged {{image}} as {{ref}}: the installed system will update from it.',
      label: 'Updates from',
      hint: 'The registry reference the installed system follows with `bootc upgrade`, for example registry.example.com/org/os:stable. The image is tagged with it in root’s storage before the build; nothing is pushed.',
      warningTitle: 'The installed system could never update',
      confirm: 'Build anyway, without updates',
    },
  },
  ko: {
    summary: '레이어 {{totalLayers}}개 중 {{newLayers}}개, {{totalSize}} 중 {{newSize}}를 내려받습니다.',
    summaryLocal:
      '레이어 {{totalLayers}}개 중 {{newLayers}}개, {{totalSize}} 중 최대 {{newSize}} (압축 전 크기이며, 레지스트리의 압축 크기는 푸시한 뒤에 알 수 있습니다).',
    howBootcUpdates:
      'bootc는 바뀐 파일이 아니라 바뀐 레이어를 통째로 내려받습니다. 호스트에 이미 있는 다이제스트의 레이어는 다시 받지 않습니다.',
    allLayers: '모든 레이어가 새것입니다. 호스트는 이미지 전체를 내려받습니다.',
    rechunkHint:
      '레이어가 하나뿐인 이미지는 업데이트할 때마다 전부 다시 내려받습니다. 리청킹은 내용별로 나누어 바뀌지 않은 부분을 재사용하게 합니다: `rpm-ostree compose build-chunked-oci --bootc --from=IMAGE --output containers-storage:IMAGE-chunked` 또는 chunkah (그 뒤 containers.bootc=1 레이블을 다시 붙이세요).',
    layerNew: '새 레이어',
    layerPresent: '호스트에 이미 있음',
    unknownInstruction: '(기록된 명령 없음)',
    notFound: '{{ref}}을(를) root의 이미지 저장소에서도 레지스트리에서도 찾지 못했습니다.',
    noArchitecture: '{{ref}}은(는) {{arch}}용 이미지가 없는 인덱스입니다.',
    registryUnreachable: '{{ref}}의 레지스트리에 연결하지 못했습니다: {{detail}}',
    tlsFailed:
      '{{ref}}의 레지스트리가 TLS 검증을 통과하지 못했습니다 ({{detail}}). 믿을 수 있는 로컬 레지스트리라면 insecure로 표시하세요 (--insecure).',
    unauthorized:
      '레지스트리가 {{ref}}에 대한 자격 증명을 거부했습니다. `podman login`으로 다시 로그인하세요 (Bootstick은 본인의 인증 파일을 읽기만 하고 저장하지 않습니다).',
    unreadable: '{{ref}}을(를) 읽지 못했습니다: {{detail}}',
    badReference: '“{{ref}}”은(는) 이미지 참조가 아닙니다 (예: registry.example.com/org/os:stable).',
    tool: {
      compareHeading: '호스트가 내려받을 것',
      fromLabel: '호스트가 실행 중인 것',
      fromHint: '레지스트리의 현재 태그(…:stable), 이전 버전(…:1), 또는 다이제스트 참조(…@sha256:…).',
      pasteLabel: '또는 호스트의 `bootc status --json` 붙여넣기',
      pasteHint:
        '호스트에서 `sudo bootc status --json`을 실행하고 출력 전체를 붙여넣으세요. 부팅된 이미지의 다이제스트를 씁니다.',
      usePasted: '부팅된 이미지 쓰기',
      pastedTaken: '호스트는 {{image}}을(를) {{digest}}(으)로 부팅합니다.',
      status: {
        empty: '먼저 `sudo bootc status --json`의 출력을 붙여넣으세요.',
        notJson:
          'JSON이 아닙니다. `sudo bootc status --json`을 실행하고(--json이 없으면 YAML로 출력됩니다) 출력 전체를 붙여넣으세요.',
        notBootcStatus: '이 JSON은 `bootc status --json`의 출력이 아닙니다. bootc 호스트의 상태가 없습니다.',
        notBooted:
          '이 호스트는 컨테이너 이미지로 부팅되지 않았습니다. bootc가 부팅된 이미지를 보고하지 않습니다.',
        noDigest: '이 출력에는 부팅된 이미지의 다이제스트가 없어 비교할 대상이 없습니다.',
        noImage: '이 출력에는 부팅된 이미지의 이름이 없어 다이제스트를 찾을 수 없습니다.',
      },
      toLabel: '새 버전',
      toHint: 'root 저장소의 이미지(localhost/my-os:2) 또는 레지스트리의 이미지.',
      archLabel: '호스트의 아키텍처',
      archDefault: '새 버전 자신의 아키텍처',
      archHint: '여러 아키텍처 인덱스는 이 아키텍처의 호스트가 받는 이미지로 풀어서 비교합니다.',
      insecure: 'TLS 검증이 없는 로컬 레지스트리입니다',
      insecureHint:
        '이 컴퓨터나 믿을 수 있는 네트워크의 레지스트리에만 쓰세요. 다른 레지스트리는 모두 검증합니다.',
      compare: '비교',
      comparing: '비교하는 중…',
      tableLabel: '새 버전의 레이어',
      layer: '레이어',
      size: '크기',
      onHosts: '호스트에',
      instruction: '만든 명령',
      publishHeading: '버전 게시',
      imageLabel: 'root 저장소의 이미지',
      imageHint: '푸시할 것: root의 podman이 가진 새 버전.',
      destinationLabel: '버전 참조',
      destinationHint: '버전 태그가 붙은 레지스트리 참조 (예: registry.example.com/org/os:2).',
      destinationInvalid:
        '“{{ref}}”은(는) 태그가 있는 레지스트리 참조가 아닙니다 (예: registry.example.com/org/os:2).',
      movingTagLabel: '움직이는 태그',
      movingTagHint:
        '호스트는 이 태그를 따라갑니다(`bootc upgrade`). 버전이 레지스트리에 완전히 올라간 뒤에만 옮깁니다. 비워 두면 버전 태그만 푸시합니다.',
      movingTagInvalid:
        '“{{tag}}”은(는) 태그가 아닙니다. 글자, 숫자, _ . - 로 128자까지이며 . 이나 -로 시작할 수 없습니다.',
      push: '푸시',
      cancel: '푸시 취소',
      progressLabel: '푸시하는 중',
      step: {
        starting: '이미지를 읽는 중',
        layers: '레이어 {{total}}개 중 {{started}}번째를 보내는 중',
        layersUnknown: '{{started}}번째 레이어를 보내는 중',
        manifest: '매니페스트를 쓰는 중',
        movingTag: '{{tag}}을(를) 이 버전으로 옮기는 중',
      },
      notStarted: '푸시를 하지 않았습니다: {{message}}',
      log: 'podman의 출력',
      newerKnown: '새 버전이 있습니다: {{to}}.',
      tlsFailed:
        '{{ref}}의 레지스트리가 TLS 검증을 통과하지 못했습니다 ({{detail}}). 믿을 수 있는 로컬 레지스트리라면 "TLS 검증이 없는 로컬 레지스트리입니다"를 선택하세요.',
    },
    push: {
      unknownImage:
        '{{image}}이(가) root의 이미지 저장소에 없습니다. 먼저 빌드하거나 받아 오세요. 아무것도 푸시하지 않았습니다.',
      pushed: '{{image}}을(를) {{ref}}(으)로 푸시했습니다.',
      movedTag: '{{tag}}이(가) 이제 {{ref}}을(를) 가리킵니다.',
      tagKept: '{{tag}}은(는) 옮기지 않았습니다. 전과 같은 것을 가리킵니다.',
      cancelled: '푸시를 취소했습니다. {{tag}}은(는) 옮기지 않았습니다.',
      badReference: '{{ref}}은(는) 태그가 있는 레지스트리 참조가 아닙니다 (예: registry.example.com/os:2).',
      authFileUnreadable: '인증 파일 {{path}}을(를) 본인 권한으로 읽지 못했습니다: {{detail}}',
      failed: '푸시에 실패했습니다: {{detail}}',
    },
    updatesFrom: {
      invalid:
        '“{{ref}}”은(는) 호스트가 업데이트를 받을 수 있는 레지스트리 참조가 아닙니다 (예: registry.example.com/org/os:stable).',
      localOnly:
        '설치된 시스템은 {{ref}}을(를) 따라가는데, 어떤 호스트도 여기서 업데이트할 수 없습니다 (`bootc upgrade`가 https://localhost/에 묻게 됩니다). "업데이트 출처" 레지스트리 참조를 주거나, 그래도 빌드하려면 확인하세요.',
      tagged: '{{image}}에 {{ref}} 태그를 붙였습니다. 설치된 시스템은 여기서 업데이트합니다.',
      label: '업데이트 출처',
      hint: '설치된 시스템이 `bootc upgrade`로 따라갈 레지스트리 참조입니다 (예: registry.example.com/org/os:stable). 빌드 전에 root의 저장소에서 이미지에 이 태그를 붙이며, 아무것도 푸시하지 않습니다.',
      warningTitle: '설치된 시스템은 업데이트할 수 없습니다',
      confirm: '업데이트 없이 그래도 빌드',
    },
  },
});
