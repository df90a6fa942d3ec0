/** 考前检测: the check-in wizard (device → face → pledge → phone), resumed from the server. */
export function CheckInPage() {
  return null;
}
