// Texts of this area in both languages; web/i18n/resources mounts them under `phoneCamera`.
// Wording after the seed manuals: 信息确认, 拍照验证, 进入考试监控 (002); 红点 (003); 第二机位 (004).
// `pc` holds the texts of the PC's 第二机位 step (web/roles/candidate/check-in/phone).
export const zh = {
  title: '手机机位',
  loading: '正在连接…',
  error: {
    title: '无法开启手机监控',
    whatToDo: '请刷新电脑上的二维码后重新扫描。',
    noToken: '请使用手机扫描电脑上“第二机位”页面的二维码打开本页面。',
    retry: '重试',
  },
  confirm: {
    title: '信息确认',
    intro: '请核对以下信息是否为本人：',
    name: '姓名',
    exam: '考试',
    session: '考场',
    admissionNumber: '准考证号',
    confirm: '确认是本人',
    notMe: '如果信息不是本人，请勿继续，并联系报考学院。',
  },
  photo: {
    title: '拍照验证',
    intro: '请正对手机摄像头，保证光线充足、面部完整，然后点击“拍照验证”。',
    previewLabel: '摄像头画面',
    front: '前置摄像头',
    rear: '后置摄像头',
    switchCamera: '切换摄像头',
    take: '拍照验证',
    checking: '正在验证，请稍候…',
    passed: '验证通过',
    failed: '验证失败',
    retake: '返回重拍',
    attemptsLeft: '还可重拍 {{count}} 次',
    noAttemptsLeft: '多次验证失败，可直接进入下一步，后台会有管理员审核。',
    continueNow: '无法比对，可直接进入下一步，后台会有管理员审核。',
    next: '下一步',
  },
  placement: {
    title: '摆放手机',
    guidance:
      '请将手机放在考生后方45度角，距离考生1.5米左右拍摄，可以拍摄到考生侧面、考试桌面及主设备电脑屏幕。建议使用手机支架。',
    diagramLabel: '手机摆放示意图：手机位于考生侧后方约45度、约1.5米处，对准考生、桌面和电脑屏幕',
    diagramPhone: '手机',
    diagramCandidate: '考生',
    diagramScreen: '电脑',
    diagramDistance: '约1.5米',
    tips: '请提前打开飞行模式并连接WiFi，避免考试中电话干扰；请给手机接上电源。',
    wakeLockOn: '已开启屏幕常亮，监控期间请勿锁屏或切换到其他应用。',
    wakeLockUnavailable:
      '请将手机设置为永不锁屏（息屏时间设为“永不”或最长），避免锁屏后第二机位中断。',
    start: '进入考试监控',
  },
  monitoring: {
    starting: '正在开启监控…',
    live: '监控已开启',
    liveHint: '电脑上出现“手机监控已开启”后即可继续。考试期间请保持本页面打开、屏幕常亮。',
    reconnecting: '网络中断，正在重新连接…',
    selfView: '手机摄像头画面',
    replacedTitle: '此手机已被新的手机替换',
    replacedDetail: '监控已在另一部手机上开启，本手机的摄像头已关闭。',
    endedTitle: '考试已结束，可以关闭本页面',
    endedDetail: '手机摄像头已关闭，屏幕可以正常锁屏了。',
    cameraFailed: '无法打开摄像头',
  },
  pc: {
    title: '第二机位',
    intro:
      '请使用手机扫描下方二维码，按手机上的提示完成信息确认和拍照验证，然后点击“进入考试监控”。',
    qrAlt: '手机扫码二维码',
    qrExpiresIn: '二维码 {{seconds}} 秒后自动刷新',
    qrRefresh: '刷新二维码',
    qrCreateFailed: '二维码生成失败：{{reason}}',
    rescanHint:
      '将鼠标移动至灰色二维码处（或点击二维码），二维码会自动放大，重新使用手机扫描即可恢复监控。',
    placement:
      '手机摆放：从考生后方45度角，距离考生1.5米左右拍摄，可以拍摄到考生侧面、考试桌面及主设备电脑屏幕。',
    status: {
      unpaired: '等待手机扫码',
      paired: '手机已扫码，请在手机上完成操作',
      live: '手机监控已开启',
      lost: '手机监控已掉线',
    },
    lostHint: '手机监控出现“红点”代表手机监控掉线，请检查手机网络和屏幕，或重新扫描二维码。',
    viewLabel: '手机监控画面',
    viewConnecting: '正在连接手机画面…',
    next: '下一步',
  },
};
export const en: typeof zh = {
  title: 'Phone camera',
  loading: 'Connecting…',
  error: {
    title: 'The phone camera cannot start',
    whatToDo: 'Refresh the QR code on the computer and scan it again.',
    noToken: 'Open this page by scanning the QR code on the computer’s “Second camera” step.',
    retry: 'Try again',
  },
  confirm: {
    title: 'Confirm your details',
    intro: 'Check that these details are yours:',
    name: 'Name',
    exam: 'Exam',
    session: 'Session',
    admissionNumber: 'Admission number',
    confirm: 'Yes, this is me',
    notMe: 'If these are not your details, stop here and contact your college.',
  },
  photo: {
    title: 'Verification photo',
    intro:
      'Face the phone camera in good light with your whole face visible, then tap “Take photo”.',
    previewLabel: 'Camera picture',
    front: 'Front camera',
    rear: 'Rear camera',
    switchCamera: 'Switch camera',
    take: 'Take photo',
    checking: 'Checking, please wait…',
    passed: 'Verified',
    failed: 'Not verified',
    retake: 'Take again',
    attemptsLeft: '{{count}} more attempt(s) allowed',
    noAttemptsLeft:
      'The photo could not be verified. You may go on; an administrator will review it.',
    continueNow:
      'There is no registration photo to compare with. You may go on; an administrator will review it.',
    next: 'Next',
  },
  placement: {
    title: 'Place the phone',
    guidance:
      'Place the phone about 45° behind you, about 1.5 m away, so that it films your side, the desk and the computer screen. A phone stand helps.',
    diagramLabel:
      'Placement: the phone stands about 45° behind the candidate, about 1.5 m away, facing the candidate, the desk and the screen',
    diagramPhone: 'Phone',
    diagramCandidate: 'You',
    diagramScreen: 'PC',
    diagramDistance: '~1.5 m',
    tips: 'Switch on flight mode and use Wi-Fi so calls cannot interrupt; keep the phone charging.',
    wakeLockOn: 'The screen stays on. Do not lock the phone or switch apps while monitoring.',
    wakeLockUnavailable:
      'Set the phone never to lock (screen timeout “Never” or the longest), so the camera does not stop.',
    start: 'Start monitoring',
  },
  monitoring: {
    starting: 'Starting…',
    live: 'Monitoring is on',
    liveHint:
      'Continue on the computer once it shows “Phone camera on”. Keep this page open and the screen on during the exam.',
    reconnecting: 'Connection lost, reconnecting…',
    selfView: 'Phone camera picture',
    replacedTitle: 'This phone has been replaced by a new phone',
    replacedDetail: 'Monitoring runs on another phone now; this phone’s camera is off.',
    endedTitle: 'The exam has ended; you may close this page',
    endedDetail: 'The phone camera is off, and the screen may lock again.',
    cameraFailed: 'The camera could not be opened',
  },
  pc: {
    title: 'Second camera',
    intro:
      'Scan the QR code below with your phone, confirm your details and take the photo on the phone, then tap “Start monitoring”.',
    qrAlt: 'QR code for the phone',
    qrExpiresIn: 'The QR code refreshes in {{seconds}} s',
    qrRefresh: 'Refresh QR code',
    qrCreateFailed: 'The QR code could not be made: {{reason}}',
    rescanHint:
      'Move the mouse over the grey QR code (or click it) to enlarge it, then scan it again with the phone.',
    placement:
      'Phone placement: about 45° behind you, about 1.5 m away, filming your side, the desk and the computer screen.',
    status: {
      unpaired: 'Waiting for the phone to scan',
      paired: 'Phone connected; finish the steps on the phone',
      live: 'Phone camera on',
      lost: 'Phone camera offline',
    },
    lostHint:
      'A red dot means the phone camera is offline: check the phone’s network and screen, or scan the QR code again.',
    viewLabel: 'Phone camera picture',
    viewConnecting: 'Connecting to the phone…',
    next: 'Next',
  },
};
