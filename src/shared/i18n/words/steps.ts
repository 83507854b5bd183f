import { bilingual } from './bilingual';

/** The words of the catalogue's `steps` section. */
export const stepsWords = bilingual({
  en: {
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
  ko: {
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
});
