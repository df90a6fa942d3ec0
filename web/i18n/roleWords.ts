import type { Role, StaffDuty } from '../../shared/enums.js';
import { en } from './resources/en.js';
import { zhCN } from './resources/zhCN.js';

/** A role's word in every interface language (学校管理员, School administrator). */
export function roleWords(role: Role): string[] {
  return [zhCN.roles[role], en.roles[role]];
}

/** A duty's word in every interface language (候考官, Waiting-room examiner). */
export function dutyWords(duty: StaffDuty): string[] {
  return [zhCN.duty[duty], en.duty[duty]];
}

/**
 * Whether a display name already says the role, in any language: demo and real schools name
 * staff "候考官 陈老师" or "学校管理员", and the label in front again reads as a stutter.
 */
export function nameSaysRole(name: string, words: readonly string[]): boolean {
  return words.some((word) => word !== '' && name.includes(word));
}

/** "候考官 陈老师" from the label and a name, without repeating a label the name carries. */
export function nameWithRole(label: string, name: string, words: readonly string[]): string {
  return nameSaysRole(name, [label, ...words]) ? name : `${label} ${name}`;
}
