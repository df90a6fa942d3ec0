// The texts of the candidate's and the phone's pages, added to the catalogue when the router loads
// one of those pages (web/router.tsx): the login page does not download them. Every text these
// pages show is here or in resources/ (checked by texts.test.ts).
import {
  en as candidateTicketEN,
  zh as candidateTicketZH,
} from '../roles/candidate/ticket/messages.js';
import {
  en as candidateDocumentsEN,
  zh as candidateDocumentsZH,
} from '../roles/candidate/documents/messages.js';
import {
  en as candidateIdentityEN,
  zh as candidateIdentityZH,
} from '../roles/candidate/identity/messages.js';
import {
  en as candidateWaitingRoomEN,
  zh as candidateWaitingRoomZH,
} from '../roles/candidate/waiting-room/messages.js';
import {
  en as candidateCheckInEN,
  zh as candidateCheckInZH,
} from '../roles/candidate/check-in/messages.js';
import {
  en as candidateFaceEN,
  zh as candidateFaceZH,
} from '../roles/candidate/check-in/face/messages.js';
import {
  en as candidateWrittenExamEN,
  zh as candidateWrittenExamZH,
} from '../roles/candidate/written-exam/messages.js';
import {
  en as candidateMockExamEN,
  zh as candidateMockExamZH,
} from '../roles/candidate/mock-exam/messages.js';
import { en as phoneCameraEN, zh as phoneCameraZH } from '../roles/phone/messages.js';
import { en as answerFilesEN, zh as answerFilesZH } from '../written-files/messages.js';
import {
  en as adminAnnouncementsEN,
  zh as adminAnnouncementsZH,
} from '../roles/admin/announcements/messages.js';
import { registerTexts } from './index.js';

const zh = {
  candidateTicket: candidateTicketZH,
  candidateDocuments: candidateDocumentsZH,
  candidateIdentity: candidateIdentityZH,
  candidateWaitingRoom: candidateWaitingRoomZH,
  candidateCheckIn: candidateCheckInZH,
  candidateFace: candidateFaceZH,
  candidateWrittenExam: candidateWrittenExamZH,
  candidateMockExam: candidateMockExamZH,
  phoneCamera: phoneCameraZH,
  answerFiles: answerFilesZH,
  adminAnnouncements: adminAnnouncementsZH,
};
const en: typeof zh = {
  candidateTicket: candidateTicketEN,
  candidateDocuments: candidateDocumentsEN,
  candidateIdentity: candidateIdentityEN,
  candidateWaitingRoom: candidateWaitingRoomEN,
  candidateCheckIn: candidateCheckInEN,
  candidateFace: candidateFaceEN,
  candidateWrittenExam: candidateWrittenExamEN,
  candidateMockExam: candidateMockExamEN,
  phoneCamera: phoneCameraEN,
  answerFiles: answerFilesEN,
  adminAnnouncements: adminAnnouncementsEN,
};

registerTexts(zh, en);

export type CandidateMessages = typeof zh;
