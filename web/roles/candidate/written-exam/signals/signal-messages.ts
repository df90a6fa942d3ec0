// Texts of what the written exam's page watches, in both languages; the written exam's
// messages.ts mounts them under `candidateWrittenExam.signals`.
export const zh = {
  leave: {
    title: '您离开了考试页面',
    detail:
      '这是您本场考试第 {{count}} 次离开考试页面（切换标签页、窗口或最小化）。每次离开都已记录，监考老师可以看到。',
    advice: '请在交卷前一直停留在考试页面；考试计时不会暂停，已作答的内容已保存。',
    ok: '我知道了，继续作答',
  },
  clipboardBlocked: '本场考试禁止复制、粘贴和右键菜单，此次操作已记录。',
  secondScreen: '检测到您的电脑连接了多个显示器，已记录。请断开其他显示器，只使用一个屏幕作答。',
  otherTab: '本场考试已在另一个标签页或窗口中打开，已记录。请关闭其他标签页，只在此页作答。',
  ai: {
    no_face: '未检测到您的人脸：请正对摄像头，保持面部在画面中。',
    multiple_faces: '画面中出现了不止一个人：考试期间不允许他人进入考试空间。',
    looking_away: '请正视屏幕作答，不要长时间转头看向别处。',
    recorded: '此情况已记录，监考老师可以看到；恢复正常后提示会自动消失。',
    unavailable: '本电脑无法运行 AI 监考（摄像头或浏览器不支持），已告知监考老师，您可以继续作答。',
  },
  watched: {
    title: '考试期间系统会记录以下情况，并提供给监考老师核查',
    ai: '电脑摄像头画面：未检测到人脸、出现多人、长时间转头（在您的电脑上分析，视频不上传）',
    leave: '离开考试页面：切换到其他标签页、窗口或最小化浏览器（返回时会弹窗提示）',
    clipboard: '复制、剪切、粘贴和右键菜单',
    clipboardBlocked: '复制、剪切、粘贴和右键菜单（本场考试禁止使用）',
    screens: '连接多个显示器',
    tabs: '在多个标签页或窗口中打开本考试',
    network: '网络断开与恢复',
    screenShare: '屏幕共享中断',
    note: '这些记录只说明发生了什么，是否违纪由监考老师核查后认定。',
  },
};

export const en: typeof zh = {
  leave: {
    title: 'You left the exam page',
    detail:
      'This is time {{count}} you left the exam page in this exam (another tab or window, or minimised). Each time is recorded and the proctors can see it.',
    advice:
      'Please stay on the exam page until you submit; the exam time does not stop, and your answers so far are saved.',
    ok: 'I understand, go on answering',
  },
  clipboardBlocked:
    'Copy, paste and the right-click menu are not allowed in this exam; this try was recorded.',
  secondScreen:
    'More than one screen is connected to your computer; this was recorded. Disconnect the other screens and answer on one.',
  otherTab:
    'This exam is also open in another tab or window; this was recorded. Close the other tabs and answer here only.',
  ai: {
    no_face: 'No face is seen: face the camera and keep your face in the picture.',
    multiple_faces:
      'More than one person is in the picture: nobody else may be in the room during the exam.',
    looking_away: 'Look at the screen while you answer; do not turn away for long.',
    recorded:
      'This was recorded and the proctors can see it; the notice goes away once things are back to normal.',
    unavailable:
      'The AI monitor cannot run on this computer (camera or browser); the proctors have been told, and you can go on answering.',
  },
  watched: {
    title: 'During the exam the system records the following for the proctors to review',
    ai: "The PC camera's picture: no face, more than one person, the head turned away for long (analysed on your computer; no video is uploaded)",
    leave:
      'Leaving the exam page: switching to another tab or window, or minimising the browser (a notice shows when you come back)',
    clipboard: 'Copy, cut, paste and the right-click menu',
    clipboardBlocked: 'Copy, cut, paste and the right-click menu (not allowed in this exam)',
    screens: 'More than one screen connected',
    tabs: 'The exam open in more than one tab or window',
    network: 'The network going away and coming back',
    screenShare: 'Screen sharing stopping',
    note: 'A record only says what happened; the proctors review it before deciding whether a rule was broken.',
  },
};
