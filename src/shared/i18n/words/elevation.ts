import { bilingual } from './bilingual';

/** Why the privileged helper could not be started (pkexec's exit and words, classified). */
export const elevationWords = bilingual({
  en: {
    noPolkitAgent:
      'Bootstick needs administrator rights to write drives, but no polkit authentication agent is running to ask for your password. Start your desktop’s agent (or run Bootstick with sudo) and try again.',
    noPolkitService:
      'Bootstick needs administrator rights to write drives, but the polkit service is not running, so it cannot ask for them. Start polkit (polkitd) or run Bootstick as root.',
    cancelled: 'The request for administrator rights was cancelled, so no drive was touched.',
    notAuthorized: 'Administrator rights were refused, so no drive was touched.',
    noPkexec: 'pkexec is not installed: install polkit (the "pkexec" package) or run Bootstick as root.',
    timeout: 'No answer to the request for administrator rights within 60 seconds, so no drive was touched.',
    crashed: 'The privileged helper stopped unexpectedly. The log has details.',
  },
  ko: {
    noPolkitAgent:
      'Bootstick이 드라이브를 쓰려면 관리자 권한이 필요한데, 비밀번호를 물어볼 polkit 인증 에이전트가 실행되고 있지 않습니다. 데스크톱의 에이전트를 시작하거나(또는 sudo로 Bootstick을 실행하고) 다시 시도하세요.',
    noPolkitService:
      'Bootstick이 드라이브를 쓰려면 관리자 권한이 필요한데, polkit 서비스가 실행되고 있지 않아 요청할 수 없습니다. polkit(polkitd)을 시작하거나 Bootstick을 root로 실행하세요.',
    cancelled: '관리자 권한 요청이 취소되어 어떤 드라이브도 건드리지 않았습니다.',
    notAuthorized: '관리자 권한이 거부되어 어떤 드라이브도 건드리지 않았습니다.',
    noPkexec:
      'pkexec이 설치되어 있지 않습니다: polkit("pkexec" 패키지)을 설치하거나 Bootstick을 root로 실행하세요.',
    timeout: '60초 안에 관리자 권한 요청에 답이 없어 어떤 드라이브도 건드리지 않았습니다.',
    crashed: '권한 도우미가 예기치 않게 멈췄습니다. 자세한 내용은 로그에 있습니다.',
  },
});
