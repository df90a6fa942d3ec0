// Texts of this area in both languages; web/i18n/resources mounts them under `candidateFace`.
// Wording after the seed manuals (000, 001): 人脸识别须知, 开始认证, 重试, 下一步.
export const zh = {
  title: '人脸识别',
  notice: {
    title: '人脸识别须知',
    intro:
      '接下来将打开摄像头进行活体检测和人脸识别认证：请按屏幕提示完成转头、眨眼等动作，系统会拍摄一张照片与您的报名照片进行比对。',
    light: '请在光线充足的环境中进行，避免背光或强光直射面部。',
    face: '请正对摄像头，使面部完整出现在取景框内。',
    nothingCovering: '请勿佩戴帽子、口罩、墨镜等遮挡面部的物品。',
    alone: '画面中只能有您本人。',
    browserAsk: '浏览器询问是否允许使用摄像头时，请点击“允许”。',
    privacy: '照片仅用于本场考试的身份核验，考官可查看。',
    start: '开始认证',
  },
  camera: {
    previewLabel: '摄像头画面',
    opening: '正在打开摄像头…',
    loadingEngine: '正在加载人脸检测组件…',
    progress: '动作 {{done}}/{{total}}',
    attempt: '第{{attempt}}次，共{{allowed}}次',
    cancel: '取消',
  },
  instruction: {
    ready: '请正对摄像头',
    turn_left: '请向左转头',
    turn_right: '请向右转头',
    blink: '请眨眼',
    lookAtCamera: '请正对摄像头，正在拍照',
    uploading: '正在比对，请稍候…',
  },
  hint: {
    no_face: '未检测到人脸，请将面部移入取景框',
    multiple_faces: '检测到多张人脸，画面中只能有您本人',
    face_too_small: '人脸过小，请靠近摄像头',
  },
  result: {
    passed: '认证成功',
    passedScore: '比对得分 {{score}}',
    next: '下一步',
    failed: '认证失败',
    retry: '重试',
    attemptsLeft: '还可重试 {{count}} 次',
    noAttemptsLeft: '已达到允许的认证次数。',
    livenessFailedTwice: '活体检测已两次未通过：您可以再试一次，也可以直接继续进入。',
    mismatchReassurance:
      '这不代表您被认定为作弊：自动比对也会认错本人，尤其是报名照片拍摄较早时。结果只会提示考务人员对照您的报名照片人工核验。再试时请正对摄像头、保持光线充足、摘下帽子和口罩。',
    continueTitle: '仍可继续进入',
    continueExplanation:
      '若一直认证失败也可继续进入，但在考官界面会提示“人脸识别认证未通过”，请在面试中向考官出示身份证原件进行人证对比。考官可以查看本次人脸识别的截图，并人工核验您的身份。',
    continue: '继续进入',
    uploadFailed: '照片上传失败：{{reason}}',
  },
  verdict: {
    match: '认证成功',
    mismatch: '与报名照片不一致',
    no_face: '未检测到人脸',
    multiple_faces: '检测到多张人脸',
    face_too_small: '人脸过小，请靠近摄像头',
    not_frontal: '请正对摄像头',
    liveness_failed: '活体检测未通过',
    no_reference: '无报名照片，无法比对',
  },
  engineFailed: {
    title: '人脸检测组件无法在此浏览器中运行',
    body: '可能是浏览器不支持 WebAssembly 或网络中断。您可以直接拍照提交，照片将由考官人工核对。',
    reload: '重新加载',
    snapshot: '拍照提交',
  },
  cameraError: '无法打开摄像头',
};

export const en: typeof zh = {
  title: 'Face check',
  notice: {
    title: 'Before the face check',
    intro:
      'The camera will open for a liveness check and face verification: follow the prompts to turn your head and blink; one photo is then compared with your registration photo.',
    light: 'Sit in good light; avoid a bright window behind you or strong light on your face.',
    face: 'Face the camera so that your whole face is inside the frame.',
    nothingCovering: 'No hat, mask or sunglasses covering your face.',
    alone: 'Only you may be in the picture.',
    browserAsk: 'When the browser asks to use the camera, click Allow.',
    privacy: 'The photo is only used to verify your identity for this exam; examiners can see it.',
    start: 'Start',
  },
  camera: {
    previewLabel: 'Camera picture',
    opening: 'Opening the camera…',
    loadingEngine: 'Loading face detection…',
    progress: 'Step {{done}}/{{total}}',
    attempt: 'Attempt {{attempt}} of {{allowed}}',
    cancel: 'Cancel',
  },
  instruction: {
    ready: 'Look at the camera',
    turn_left: 'Turn your head to the left',
    turn_right: 'Turn your head to the right',
    blink: 'Blink',
    lookAtCamera: 'Look at the camera; taking the photo',
    uploading: 'Comparing, please wait…',
  },
  hint: {
    no_face: 'No face found; move your face into the frame',
    multiple_faces: 'More than one face; only you may be in the picture',
    face_too_small: 'Face too small; come closer to the camera',
  },
  result: {
    passed: 'Verified',
    passedScore: 'Score {{score}}',
    next: 'Next',
    failed: 'Not verified',
    retry: 'Try again',
    attemptsLeft: '{{count}} more attempt(s) allowed',
    noAttemptsLeft: 'You have used all allowed attempts.',
    livenessFailedTwice:
      'The liveness check failed twice: you may try once more, or continue right away.',
    mismatchReassurance:
      'This does not mean you are suspected of cheating: the automatic comparison also misses real people, especially when the registration photo is old. It only asks the staff to compare you with your registration photo by hand. When you try again, face the camera in good light, without a hat or mask.',
    continueTitle: 'You may still continue',
    continueExplanation:
      'If the face check keeps failing you may continue, but the examiner will see “face verification not passed”: show your original ID card to the examiner in the interview for a comparison. Examiners can see the photos of this check and confirm your identity by hand.',
    continue: 'Continue',
    uploadFailed: 'The photo could not be sent: {{reason}}',
  },
  verdict: {
    match: 'Verified',
    mismatch: 'Does not match the registration photo',
    no_face: 'No face found',
    multiple_faces: 'More than one face found',
    face_too_small: 'Face too small; come closer to the camera',
    not_frontal: 'Look straight at the camera',
    liveness_failed: 'Liveness check not passed',
    no_reference: 'No registration photo to compare with',
  },
  engineFailed: {
    title: 'Face detection cannot run in this browser',
    body: 'The browser may not support WebAssembly, or the network failed. You can take a plain photo instead; an examiner will check it.',
    reload: 'Reload',
    snapshot: 'Take photo and send',
  },
  cameraError: 'The camera could not be opened',
};
