/** Staff view of a session's check-ins: steps, face scores with snapshots, devices, phones. */
export function SessionCheckInPage() {
  return null;
}
