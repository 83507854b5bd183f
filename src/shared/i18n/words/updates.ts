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
    },
  },
});
