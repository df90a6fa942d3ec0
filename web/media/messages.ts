// Instructions for camera and microphone failures; mounted under `media`.
export const zh = {
  errors: {
    permission_denied:
      '浏览器未获得摄像头/麦克风权限。请点击地址栏左侧的锁形图标，将“摄像头”和“麦克风”设为“允许”，然后刷新页面。',
    not_found: '未检测到摄像头或麦克风。请连接设备后刷新页面。',
    in_use: '摄像头或麦克风正被其他程序占用。请关闭其他使用摄像头的程序（如会议软件）后重试。',
    insecure_context:
      '当前页面不是安全连接（HTTPS），浏览器不允许使用摄像头。请使用学校提供的 https 地址访问。',
    unsupported: '当前浏览器不支持音视频功能。请使用最新版 Chrome、Edge 或 Firefox 浏览器。',
    unknown: '无法打开摄像头或麦克风。请检查设备后重试。',
  },
  /** The same failures when only the camera (or only the microphone) is at fault. */
  cameraErrors: {
    not_found:
      '未检测到摄像头（麦克风正常）。请连接摄像头后点击“重试”；若考试允许，也可以用手机作为主摄像头。',
    in_use:
      '摄像头正被其他程序占用（麦克风正常）。请关闭其他使用摄像头的程序（如会议软件）后重试。',
  },
  microphoneErrors: {
    not_found: '未检测到麦克风（摄像头正常）。请连接麦克风或耳机后点击“重试”。',
    in_use: '麦克风正被其他程序占用（摄像头正常）。请关闭其他使用麦克风的程序后重试。',
  },
  retry: '重试',
  /** ReconnectingBanner (web/ui): the socket or a media connection is being re-established. */
  reconnecting: '网络连接中断，正在重新连接…',
};
export const en: typeof zh = {
  errors: {
    permission_denied:
      'The browser has no permission for the camera/microphone. Click the lock icon left of the address bar, allow Camera and Microphone, then reload the page.',
    not_found: 'No camera or microphone found. Connect one and reload the page.',
    in_use:
      'The camera or microphone is used by another program. Close other programs using it (e.g. meeting apps) and try again.',
    insecure_context:
      'This page is not on a secure (HTTPS) connection, so the browser blocks the camera. Use the https address your school gave you.',
    unsupported:
      'This browser does not support audio and video. Use a current Chrome, Edge or Firefox.',
    unknown: 'The camera or microphone could not be opened. Check the device and try again.',
  },
  cameraErrors: {
    not_found:
      'No camera found (the microphone works). Connect a camera and click Try again; if the exam allows it, the phone can be the main camera.',
    in_use:
      'The camera is used by another program (the microphone works). Close other programs using it (e.g. meeting apps) and try again.',
  },
  microphoneErrors: {
    not_found:
      'No microphone found (the camera works). Connect a microphone or headset and click Try again.',
    in_use: 'The microphone is used by another program (the camera works). Close it and try again.',
  },
  retry: 'Try again',
  reconnecting: 'Connection lost, reconnecting…',
};
