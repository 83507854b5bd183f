import { bilingual } from './bilingual';

/** The words of the catalogue's `station` section: slots, their states, and why a stick was refused. */
export const stationWords = bilingual({
  en: {
    phase: {
      empty: 'Empty',
      waiting: 'Waiting for a stick',
      writing: 'Writing',
      verifying: 'Verifying',
      done: 'Done: remove it',
      failed: 'Failed',
      refused: 'Refused',
    },
    slow: 'Slow (under 1 MiB/s)',
    stalled: 'Stalled: no progress for 20 s',
    reason: {
      presentAtArm: 'It was already there when the station was armed: never touched',
      disarmed: 'The station is not armed: not touched',
      paused: 'The station is paused: not touched',
      notUsb: 'Not on USB ({{detail}})',
      notRemovable: 'Neither removable nor hot-plugged',
      mounted: 'Mounted at {{detail}}',
      belowRange: 'Smaller than the armed range (at least {{detail}})',
      aboveRange: 'Larger than the armed range (at most {{detail}})',
      helperRefused: 'The helper refused it: {{detail}}',
    },
    unarmedDrive: '{{drive}} appeared in a port that is not armed: not touched',
    disarmed: {
      targetReached: 'Target reached: the station is disarmed',
      asked: 'The station is disarmed',
    },
  },
  ko: {
    phase: {
      empty: '비어 있음',
      waiting: '스틱을 기다리는 중',
      writing: '쓰는 중',
      verifying: '검증 중',
      done: '완료: 빼세요',
      failed: '실패',
      refused: '거부됨',
    },
    slow: '느림 (1 MiB/s 미만)',
    stalled: '멈춤: 20초 동안 진행 없음',
    reason: {
      presentAtArm: '스테이션을 준비할 때 이미 꽂혀 있었습니다: 건드리지 않음',
      disarmed: '스테이션이 준비 상태가 아닙니다: 건드리지 않음',
      paused: '스테이션이 일시 정지되었습니다: 건드리지 않음',
      notUsb: 'USB가 아닙니다 ({{detail}})',
      notRemovable: '이동식도 핫플러그도 아닙니다',
      mounted: '{{detail}}에 마운트되어 있습니다',
      belowRange: '준비된 크기 범위보다 작습니다 (최소 {{detail}})',
      aboveRange: '준비된 크기 범위보다 큽니다 (최대 {{detail}})',
      helperRefused: '도우미가 거부했습니다: {{detail}}',
    },
    unarmedDrive: '{{drive}}이(가) 준비되지 않은 포트에 나타났습니다: 건드리지 않음',
    disarmed: {
      targetReached: '목표 도달: 스테이션 준비 해제됨',
      asked: '스테이션 준비 해제됨',
    },
  },
});
