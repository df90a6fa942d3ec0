// Texts of the written exam's screen share in both languages; the written exam's messages.ts
// mounts them under `candidateWrittenExam.screenShare`.
export const zh = {
  title: '共享屏幕',
  why: '本场考试要求在作答期间全程共享整个屏幕，监考老师会据此查看您的答题过程。共享的只是屏幕画面，不包括声音。',
  how: '点击“共享整个屏幕”后，浏览器会弹出共享窗口：请选择“整个屏幕”（不要选择某个窗口或标签页），再点击“共享”。共享成功后试卷将自动显示。',
  keep: '考试期间请勿点击浏览器的“停止共享”；考试计时不会因共享而暂停。',
  button: '共享整个屏幕',
  picking: '请在浏览器弹出的窗口中选择“整个屏幕”…',
  problems: {
    not_monitor:
      '您共享的是一个窗口或标签页，不符合要求，已自动停止。请重新点击，并在弹出的窗口中选择“整个屏幕”。',
    permission_denied:
      '屏幕共享被取消或被浏览器拒绝。请再次点击并允许共享；如果浏览器不再弹出窗口，请在浏览器的网站设置中允许本网站共享屏幕。',
    unsupported:
      '当前浏览器不支持屏幕共享（手机、平板和旧版浏览器都不支持）。请使用电脑上的最新版 Chrome 或 Edge 浏览器参加本场考试。',
    other: '未能开始屏幕共享，请重试；如多次失败，请关闭其他正在共享屏幕的程序或重启浏览器后再试。',
  },
  lost: {
    title: '屏幕共享已停止',
    detail:
      '本场考试要求全程共享整个屏幕，停止共享已被记录。请点击“重新共享”，在弹出的窗口中选择“整个屏幕”后继续作答。',
    timing: '考试计时仍在继续，您已作答的内容已保存。',
    button: '重新共享',
  },
};

export const en: typeof zh = {
  title: 'Share your screen',
  why: 'This exam asks you to share your whole screen while you answer; the proctors follow your work through it. Only the picture is shared, no sound.',
  how: 'After you click "Share entire screen", the browser opens its sharing dialog: choose "Entire screen" (not a window or a tab), then "Share". The paper opens once the screen is shared.',
  keep: 'Do not click the browser\'s "Stop sharing" during the exam; the exam time keeps running.',
  button: 'Share entire screen',
  picking: 'Choose "Entire screen" in the dialog the browser opened…',
  problems: {
    not_monitor:
      'You shared a window or a tab, which is not allowed, so it was stopped. Click again and choose "Entire screen" in the dialog.',
    permission_denied:
      "Screen sharing was cancelled or blocked by the browser. Click again and allow it; if no dialog opens, allow screen sharing for this site in the browser's site settings.",
    unsupported:
      'This browser cannot share a screen (phones, tablets and old browsers cannot). Take this exam on a computer with a recent Chrome or Edge.',
    other:
      'Screen sharing could not start. Try again; if it keeps failing, close other programs sharing the screen or restart the browser.',
  },
  lost: {
    title: 'Screen sharing stopped',
    detail:
      'This exam asks for your whole screen throughout; the stop has been recorded. Click "Share again" and choose "Entire screen" to go on answering.',
    timing: 'The exam time keeps running; your answers so far are saved.',
    button: 'Share again',
  },
};
