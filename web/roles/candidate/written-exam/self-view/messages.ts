// Texts of the answering page's camera self-view in both languages; the written exam's
// messages.ts mounts them under `candidateWrittenExam.selfView`.
export const zh = {
  region: '摄像头画面',
  pcCamera: '电脑摄像头',
  phoneCamera: '手机摄像头',
  pcLabel: '电脑摄像头画面（您自己）',
  collapse: '收起画面',
  expand: '展开画面',
  switchLabel: '切换画面',
  phoneOnline: '手机在线',
  phoneOffline: '手机离线',
  phoneNoPicture: '手机画面暂不可用，请检查手机是否仍在拍摄。',
  opening: '正在打开摄像头…',
  cameraFailed: '电脑摄像头无法打开，考试照常进行；如监考老师要求，请检查摄像头后刷新页面。',
};

export const en: typeof zh = {
  region: 'Camera view',
  pcCamera: 'PC camera',
  phoneCamera: 'Phone camera',
  pcLabel: 'PC camera picture (you)',
  collapse: 'Hide the picture',
  expand: 'Show the picture',
  switchLabel: 'Switch the picture',
  phoneOnline: 'Phone online',
  phoneOffline: 'Phone offline',
  phoneNoPicture: 'The phone picture is not available now: check that the phone is still filming.',
  opening: 'Opening the camera…',
  cameraFailed:
    'The PC camera could not be opened; the exam goes on. If the proctor asks, check the camera and reload the page.',
};
