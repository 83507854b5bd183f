import type { Catalogue } from './en';

/** 한국어 문자열. The project's first user writes Korean; keep this complete. */
export const ko: Catalogue = {
  app: {
    name: 'Bootstick',
    tagline: 'bootc 이미지 → 검증된 USB 스틱',
    language: '언어',
    steps: '단계',
  },
  steps: {
    image: {
      title: '이미지',
      intro: 'bootc 컨테이너 이미지, Containerfile 또는 디스크 이미지 파일을 고르세요.',
    },
    blueprint: { title: '블루프린트', intro: '누가 로그인할 수 있는지, 이미지에 무엇을 넣을지 정하세요.' },
    build: {
      title: '빌드',
      intro: 'bootc-image-builder가 이미지와 블루프린트로 디스크 이미지나 ISO를 만듭니다.',
    },
    flash: { title: '굽기', intro: '쓸 드라이브를 고르세요. 드라이브의 모든 내용이 지워집니다.' },
    firstBoot: { title: '첫 부팅', intro: '스틱으로 부팅하고 로그인한 뒤 시스템을 최신으로 유지하세요.' },
  },
  drives: {
    heading: '대상 드라이브',
    showHidden: '숨긴 드라이브 보기 ({{count}})',
    showVirtual: '가상 드라이브 보기',
    none: '드라이브가 없습니다',
    noneHint: 'USB 스틱이나 SD 카드를 꽂으세요. 1초 안에 여기에 나타납니다.',
    count_one: '사용할 수 있는 드라이브 {{count}}개',
    count_other: '사용할 수 있는 드라이브 {{count}}개',
    selectedCount: '{{count}}개 선택됨',
    select: '{{name}} 선택',
    bus: '버스',
    size: '크기',
    mounted: '마운트 위치',
    removable: '이동식',
    virtual: '가상',
    status: {
      selectable: '구울 수 있음',
      warning: '굽기 전에 확인하세요',
      refused: '구울 수 없음',
    },
    reason: {
      system: '시스템 드라이브: 실행 중인 컴퓨터에 필요합니다',
      system_detail: '시스템 드라이브: 실행 중인 컴퓨터가 사용 중입니다 ({{detail}})',
      inUse: '{{detail}}에서 사용 중',
      raidMember: 'RAID 배열의 구성원',
      raidMember_detail: 'RAID 배열의 구성원 ({{detail}})',
      readOnly: '읽기 전용: 쓰기 방지된 드라이브입니다',
      noMedia: '미디어 없음: 리더가 비어 있습니다',
      holdsImage: '선택한 이미지 파일이 들어 있는 드라이브',
      tooSmall: '선택한 이미지보다 작습니다 ({{detail}} 필요)',
      large: '비정상적으로 큰 드라이브 ({{detail}} 초과): 의도한 스틱이 맞는지 확인하세요',
      virtual: '{{detail}} 파일을 쓰는 가상 드라이브',
    },
  },
};
