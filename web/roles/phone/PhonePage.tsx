/** The phone as the second camera: opened by scanning the QR code on the PC. */
export function PhonePage() {
  return null;
}
